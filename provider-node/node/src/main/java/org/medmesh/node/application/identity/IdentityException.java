package org.medmesh.node.application.identity;

import java.util.Objects;

/** The identity use cases' one exception family. Messages name DIDs and settings, never keys. */
public final class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why an identity operation was refused. */
    public enum Code {
        /** Not a DID, or not a valid one of its method. */
        MALFORMED_DID,
        /** A well-formed DID of a method MedMesh does not resolve. */
        UNSUPPORTED_METHOD,
        /** The ledger holds other keys for this node's organisation than the node's key file. */
        KEYS_CONFLICT,
        /** The node's organisation has no DID on the ledger yet. */
        NOT_REGISTERED
    }

    private final Code code;

    public IdentityException(Code code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    public Code code() {
        return code;
    }
}
