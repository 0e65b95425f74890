package org.medmesh.node.adapter.out.ledger.fabric;

import java.time.Duration;
import java.util.Objects;

/** How long each gateway call may take before the node gives up (and, for a release, fails closed). */
public record FabricDeadlines(Duration evaluate, Duration endorse, Duration submit, Duration commitStatus) {
    public FabricDeadlines {
        Objects.requireNonNull(evaluate, "evaluate");
        Objects.requireNonNull(endorse, "endorse");
        Objects.requireNonNull(submit, "submit");
        Objects.requireNonNull(commitStatus, "commitStatus");
    }

    /** The Fabric samples' defaults. */
    public static FabricDeadlines defaults() {
        return new FabricDeadlines(Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofMinutes(1));
    }
}
