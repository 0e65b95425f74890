package org.medmesh.node.domain.exchange;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Set;

/**
 * A break-glass declaration carried by an emergency request: a coded reason (the ledger's
 * {@code UNCONSCIOUS | LIFE_THREATENING | OTHER}), the clinician's own words, and when the emergency was declared.
 * The words go to the holder only (they may name the patient's condition); the ledger gets their SHA-256.
 */
public record EmergencyAccess(String reasonCode, String reason, Instant declaredAt) {
    public static final Set<String> REASON_CODES = Set.of("UNCONSCIOUS", "LIFE_THREATENING", "OTHER");
    /** The purpose of use of every emergency request. */
    public static final String PURPOSE = "ETREAT";
    private static final int MAX_REASON = 1_000;

    public EmergencyAccess {
        Objects.requireNonNull(reasonCode, "reasonCode");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(declaredAt, "declaredAt");
        declaredAt = declaredAt.truncatedTo(ChronoUnit.SECONDS);
        if (!REASON_CODES.contains(reasonCode)) {
            throw new IllegalArgumentException("the break-glass reason code is one of " + REASON_CODES);
        }
        if (reason.isBlank() || reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("a break-glass needs a stated reason of at most 1,000 characters");
        }
    }
}
