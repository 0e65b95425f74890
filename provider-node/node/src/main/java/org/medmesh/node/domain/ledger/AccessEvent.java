package org.medmesh.node.domain.ledger;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.Did;

/**
 * One access decision as the holder writes it to the ledger: who asked, who held, for which (pairwise) patient,
 * on what basis (a consent or a break-glass), for what purpose, the decision (a deny with its coarse reason),
 * and how many resources were released with the SHA-256 of what was released. {@code claimedTime} and
 * {@code txId} are filled in by the ledger and are null on an event not yet recorded.
 */
public record AccessEvent(String eventId, Did requester, Did holder, Did patient, ConsentId consentId,
        BreakGlass breakGlass, String purpose, AccessDecision decision, String denyReason, int count,
        String releasedHash, Instant claimedTime, String txId) {
    public AccessEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(decision, "decision");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }

    /** A permit relying on a consent. */
    public static AccessEvent permit(String eventId, Did requester, Did holder, Did patient, ConsentId consentId,
            String purpose, int count, String releasedHash) {
        return new AccessEvent(eventId, requester, holder, patient, consentId, null, purpose,
                AccessDecision.PERMIT, null, count, releasedHash, null, null);
    }

    /** A refusal with its coarse reason code; nothing was released. */
    public static AccessEvent deny(String eventId, Did requester, Did holder, Did patient, String purpose,
            String denyReason) {
        return new AccessEvent(eventId, requester, holder, patient, null, null, purpose, AccessDecision.DENY,
                Objects.requireNonNull(denyReason, "denyReason"), 0, null, null, null);
    }

    /** An emergency release without consent. */
    public static AccessEvent breakGlass(String eventId, Did requester, Did holder, Did patient,
            BreakGlass breakGlass, int count, String releasedHash) {
        return new AccessEvent(eventId, requester, holder, patient, null, breakGlass, "ETREAT",
                AccessDecision.PERMIT, null, count, releasedHash, null, null);
    }
}
