package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.refuse;

import java.time.Instant;
import java.util.List;
import org.medmesh.chaincode.consent.ConsentRecord;
import org.medmesh.chaincode.consent.Consents;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.error.ErrorCode;

/**
 * Re-checks, inside the recording transaction, the consent a permit relies on. Reading the consent here puts
 * it in the read set, so a revocation committed first invalidates this permit: the ledger, not a node's cache,
 * has the last word. The check is coarse: the consent must be the patient's, in force, and permit this requester,
 * holder and purpose — through its root (a permit) or, for an opt-in (a root deny), through a permit exception in
 * force now. Classes and labels are applied by the holder to the records it releases.
 */
final class ConsentCheck {

    private final Consents consents;

    ConsentCheck(Consents consents) {
        this.consents = consents;
    }

    void requireApplicable(AccessEvent event) {
        ConsentRecord consent = consents.require(event.consentId());
        requireActive(consents.effectiveStatus(consent));
        Provision root = consent.provision();
        boolean applicable = consent.patient().equals(event.patient()) && admits(root, event)
                && (root.type() == ProvisionType.PERMIT || root.provisions().stream().anyMatch(
                        p -> p.type() == ProvisionType.PERMIT && admits(p, event) && inForce(p)));
        if (!applicable) {
            throw refuse(ErrorCode.CONSENT_NOT_APPLICABLE, "consent does not permit this access");
        }
    }

    private static void requireActive(EffectiveStatus status) {
        switch (status) {
            case ACTIVE -> { }
            case REVOKED -> throw refuse(ErrorCode.REVOKED, "consent is revoked");
            case EXPIRED -> throw refuse(ErrorCode.EXPIRED, "consent has expired");
            case INACTIVE -> throw refuse(ErrorCode.DEACTIVATED, "the patient's DID is deactivated");
            case NOT_YET_VALID -> throw refuse(ErrorCode.CONSENT_NOT_APPLICABLE, "consent is not yet valid");
            default -> throw new IllegalStateException("unhandled status " + status);
        }
    }

    private static boolean admits(Provision provision, AccessEvent event) {
        return allowedBy(provision.grantees(), event.requester())
                && allowedBy(provision.holders(), event.holder())
                && allowedBy(provision.purposes(), event.purpose());
    }

    private boolean inForce(Provision exception) {
        Instant now = consents.now();
        return exception.period() == null
                || !exception.period().hasEnded(now) && !exception.period().hasNotStarted(now);
    }

    /** An empty list does not restrict its dimension. */
    private static <T> boolean allowedBy(List<T> allowed, T value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
