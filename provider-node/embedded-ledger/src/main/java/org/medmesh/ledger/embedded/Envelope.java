package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** An endorsed transaction as it is ordered into a block: the signed proposal, its read/write set and event. */
record Envelope(Proposal proposal, String mspId, ReadWriteSet rwSet, EventData event) {
    Envelope {
        Objects.requireNonNull(proposal, "proposal");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(rwSet, "rwSet");
    }

    String txId() {
        return proposal.txId();
    }

    /** A chaincode event; at most one per transaction, as {@code setEvent} overwrites. */
    record EventData(String name, ByteString payload) {
        EventData {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(payload, "payload");
        }
    }
}
