package org.medmesh.consent.decision;

import java.util.Objects;
import org.medmesh.consent.ledger.ConsentId;

/** The outcome of a consent decision: a permit under one consent, or a deny with a coarse reason. */
public sealed interface ConsentDecision permits ConsentDecision.Permit, ConsentDecision.Deny {

    static ConsentDecision permit(ConsentId consentId, ReleasePolicy policy) {
        return new Permit(consentId, policy);
    }

    static ConsentDecision deny(DenyReason reason) {
        return new Deny(reason);
    }

    /**
     * Records may be released, each only if {@code policy} releases it.
     *
     * @param consentId the consent the access is recorded under on the ledger
     * @param policy which resources to release
     */
    record Permit(ConsentId consentId, ReleasePolicy policy) implements ConsentDecision {
        public Permit {
            Objects.requireNonNull(consentId, "consentId");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /** Nothing may be released. */
    record Deny(DenyReason reason) implements ConsentDecision {
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
