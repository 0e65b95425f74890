package org.medmesh.node.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.consent.ledger.Did;

/** The Merkle root of a batch of a node's local audit events, anchored on the ledger so they cannot be altered. */
public record AuditAnchor(Did holder, String batchId, String merkleRoot, long count, Instant from, Instant to) {
    public AuditAnchor {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
