package org.medmesh.node.application.port;

import java.util.Objects;

/** The ledger port's one exception family. Messages never carry PHI or key material. */
public final class LedgerClientException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LedgerErrorCode code;

    public LedgerClientException(LedgerErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    public LedgerErrorCode code() {
        return code;
    }
}
