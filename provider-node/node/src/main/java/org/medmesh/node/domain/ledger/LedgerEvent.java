package org.medmesh.node.domain.ledger;

import java.util.Objects;

/**
 * A chaincode event of a committed transaction ({@code ConsentGranted}, {@code ConsentRevoked}, {@code DidRotated},
 * {@code AccessRecorded}…) with its block: handlers checkpoint by block number.
 */
public record LedgerEvent(long blockNumber, String txId, String name, String payloadJson) {
    public LedgerEvent {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadJson, "payloadJson");
    }
}
