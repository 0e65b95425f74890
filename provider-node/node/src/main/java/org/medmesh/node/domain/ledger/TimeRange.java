package org.medmesh.node.domain.ledger;

import java.time.Instant;
import java.util.Objects;

/** A half-open time range {@code [from, to)} over the transaction times clients claimed. */
public record TimeRange(Instant from, Instant to) {
    public TimeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("a time range must end after it starts");
        }
    }

    public static TimeRange all() {
        return new TimeRange(Instant.EPOCH, Instant.parse("2200-01-01T00:00:00Z"));
    }
}
