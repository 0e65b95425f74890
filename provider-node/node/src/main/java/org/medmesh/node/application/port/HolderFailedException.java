package org.medmesh.node.application.port;

import java.util.Objects;

/**
 * A holder did not answer with records: it refused the request (its problem+json {@code code}, e.g. a deny
 * reason), failed, or could not be reached. Nothing was received, so nothing is imported.
 */
public final class HolderFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** How the holder failed. */
    public enum Kind {
        /** The holder decided against the request; the deny is on the ledger. */
        DENIED,
        /** The holder refused the request as such (signature, audience, replay, expired break-glass…). */
        REFUSED,
        /** The holder could not reach the ledger or failed; the request may be retried. */
        UNAVAILABLE,
        /** No connection, a timeout, or the connection broke mid-transfer. */
        UNREACHABLE
    }

    private final Kind kind;
    private final String code;

    public HolderFailedException(Kind kind, String code, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
    }

    public Kind kind() {
        return kind;
    }

    /** The holder's machine-readable code, if it answered one. */
    public String code() {
        return code;
    }
}
