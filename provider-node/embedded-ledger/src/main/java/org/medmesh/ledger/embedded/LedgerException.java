package org.medmesh.ledger.embedded;

/** The one exception family of the embedded ledger: something went wrong that is not a chaincode refusal. */
public class LedgerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why the ledger could not do what was asked. */
    public enum Code {
        /** A stored block cannot be decoded. */
        CORRUPT_BLOCK,
        /** The chain on disk fails verification (hashes, links or signatures). */
        CHAIN_INVALID,
        /** The block store could not be read or written. */
        STORAGE,
        /** The ledger was closed or is shutting down. */
        CLOSED,
        /** The caller asked for something Fabric does not allow (e.g. a paginated query in a submit). */
        NOT_ALLOWED,
        /** Waiting for a commit took longer than allowed. */
        TIMEOUT
    }

    private final Code code;

    public LedgerException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
