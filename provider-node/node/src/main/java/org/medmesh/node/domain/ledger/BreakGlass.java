package org.medmesh.node.domain.ledger;

import java.util.Objects;

/**
 * An emergency access without consent: a coded reason on the ledger and the SHA-256 of the clinician's free-text
 * reason, which stays at the holder (free text may contain PHI).
 */
public record BreakGlass(String reasonCode, String reasonHash) {
    public BreakGlass {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reasonHash, "reasonHash");
    }
}
