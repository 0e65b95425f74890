package org.medmesh.node.adapter.in.http;

import java.util.Objects;

/**
 * A request to the node's JSON API that failed, mapped to problem+json by {@link ApiErrors}. The detail goes to
 * the caller: it names what was wrong, never record contents or keys.
 */
public final class ApiException extends RuntimeException {
    private final ApiError error;
    private final String code;

    public ApiException(ApiError error, String detail) {
        this(error, null, detail);
    }

    /** With a machine-readable code (e.g. the ledger's error code) next to the human detail. */
    public ApiException(ApiError error, String code, String detail) {
        super(detail, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
        this.code = code;
    }

    public ApiError error() {
        return error;
    }

    public String code() {
        return code;
    }
}
