package org.medmesh.node.domain.ledger;

import java.util.Objects;

/**
 * Where event delivery resumes: a block and, within it, the last transaction whose event was already handled
 * (null: none). A handler stores the checkpoint of each event in the same transaction as its effect, so a
 * restarted node resumes exactly after the last event it applied: none missed, none applied twice.
 */
public record EventCheckpoint(long blockNumber, String lastTxId) {
    public EventCheckpoint {
        if (blockNumber < 0) {
            throw new IllegalArgumentException("block number must not be negative");
        }
    }

    /** Every event from the start of {@code blockNumber}. */
    public static EventCheckpoint fromBlock(long blockNumber) {
        return new EventCheckpoint(blockNumber, null);
    }

    /** Every event after {@code event}. */
    public static EventCheckpoint after(LedgerEvent event) {
        Objects.requireNonNull(event, "event");
        return new EventCheckpoint(event.blockNumber(), event.txId());
    }
}
