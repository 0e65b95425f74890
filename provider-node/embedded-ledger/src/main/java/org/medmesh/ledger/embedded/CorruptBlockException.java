package org.medmesh.ledger.embedded;

/** A stored block whose bytes cannot be decoded: the store was damaged or edited. */
public final class CorruptBlockException extends LedgerException {
    private static final long serialVersionUID = 1L;

    CorruptBlockException(String message, Throwable cause) {
        super(Code.CORRUPT_BLOCK, message, cause);
    }
}
