package org.medmesh.ledger.embedded;

import java.time.Instant;
import java.util.Objects;

/** A chaincode event of a valid transaction, with where it was committed and the time its client claimed. */
public record ChaincodeEventRecord(long blockNumber, String txId, String name, String payload, Instant claimedTime) {
    public ChaincodeEventRecord {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(claimedTime, "claimedTime");
    }
}
