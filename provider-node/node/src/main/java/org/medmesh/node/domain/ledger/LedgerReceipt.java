package org.medmesh.node.domain.ledger;

import java.util.Objects;

/** Proof that a transaction committed: its id and the block it is in. */
public record LedgerReceipt(String txId, long blockNumber) {
    public LedgerReceipt {
        Objects.requireNonNull(txId, "txId");
    }
}
