package org.medmesh.node.application.consent;

import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.consent.decision.ConsentDecision;
import org.medmesh.consent.decision.ConsentDecisionPoint;

/**
 * The holder's consent decision for a request: the patient's consents from the cache, evaluated by the domain's
 * decision point. A permit is still re-checked by the ledger when the access is recorded.
 */
public final class DecideAccess {
    private final ConsentCache consents;
    private final ConsentDecisionPoint decisionPoint = new ConsentDecisionPoint();

    public DecideAccess(ConsentCache consents) {
        this.consents = consents;
    }

    public ConsentDecision decide(AccessRequest request) {
        return decisionPoint.decide(request, consents.consentsOf(request.patient()));
    }
}
