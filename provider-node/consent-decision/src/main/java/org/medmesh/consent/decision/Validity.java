package org.medmesh.consent.decision;

import java.time.Instant;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;

/**
 * Whether a consent is in force at the request's time. The ledger's status was computed at the ledger's read
 * time, so the root period is re-checked at the request's time, with the ledger's precedence (revoked, deactivated
 * patient, expired, not yet valid). Fails closed: a consent is in force only if both the ledger and the period
 * say so.
 */
final class Validity {

    private Validity() {
    }

    static ConsentStatus statusAt(Consent consent, Instant time) {
        ConsentStatus stored = consent.status();
        if (stored == ConsentStatus.REVOKED || stored == ConsentStatus.INACTIVE) {
            return stored;
        }
        if (ProvisionRules.hasEnded(consent.provision(), time)) {
            return ConsentStatus.EXPIRED;
        }
        if (ProvisionRules.hasNotStarted(consent.provision(), time)) {
            return ConsentStatus.NOT_YET_VALID;
        }
        return stored;
    }

    /** The ledger has no code for "not yet valid" or "patient deactivated": both are {@code OTHER}. */
    static DenyReason reason(ConsentStatus status) {
        return switch (status) {
            case REVOKED -> DenyReason.CONSENT_REVOKED;
            case EXPIRED -> DenyReason.CONSENT_EXPIRED;
            case NOT_YET_VALID, INACTIVE -> DenyReason.OTHER;
            case ACTIVE -> throw new IllegalArgumentException("an active consent has no deny reason");
        };
    }
}
