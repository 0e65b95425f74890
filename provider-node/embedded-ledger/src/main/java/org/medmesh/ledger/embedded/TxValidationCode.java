package org.medmesh.ledger.embedded;

/** The outcome of a submitted transaction; names follow Fabric's {@code TxValidationCode} where one exists. */
public enum TxValidationCode {
    /** Committed: its writes are in the world state and its event was emitted. */
    VALID,
    /** A key it read was changed by a transaction ordered before it: retry with fresh reads. */
    MVCC_READ_CONFLICT,
    /** A range it read gained, lost or changed keys before it was ordered: retry with fresh reads. */
    PHANTOM_READ_CONFLICT,
    /** A transaction with the same id was already committed. */
    DUPLICATE_TXID,
    /** The chaincode refused the proposal at endorsement: nothing was ordered. */
    ENDORSEMENT_FAILURE,
    /** The proposal's creator is not a member of a trusted organisation or its signature is wrong. */
    BAD_PROPOSAL;

    /** Whether resubmitting the same request (with fresh reads) can succeed. */
    public boolean isRetryable() {
        return this == MVCC_READ_CONFLICT || this == PHANTOM_READ_CONFLICT;
    }
}
