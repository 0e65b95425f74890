package org.medmesh.consent.decision;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.medmesh.consent.ledger.Consent;

/**
 * The release policy of a permit: the request's requested classes, then the consents in force combined per
 * resource (deny overrides). A value, so two equal decisions compare equal.
 */
record ConsentReleasePolicy(AccessRequest request, List<Consent> inForce) implements ReleasePolicy {

    ConsentReleasePolicy {
        Objects.requireNonNull(request, "request");
        inForce = List.copyOf(inForce);
    }

    @Override
    public boolean releases(String resourceType, Set<String> securityLabels) {
        Objects.requireNonNull(resourceType, "resourceType");
        Set<String> labels = Set.copyOf(securityLabels);
        if (!request.classes().isEmpty() && !request.classes().contains(resourceType)) {
            return false;
        }
        Probe probe = new Probe(request.holder(), request.requester(), request.purpose(), resourceType, labels);
        return ProvisionRules.releases(inForce, probe, request.time());
    }
}
