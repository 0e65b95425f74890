package org.medmesh.consent.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The consent's provision tree as the ledger keeps it (IHE Privacy Consent on FHIR subset): a permit or deny over
 * grantees, holders, purposes of use, resource classes and security labels, within a period, with one level of
 * nested exceptions. Empty lists mean "any".
 */
public record ProvisionTree(boolean permit, Instant start, Instant end, List<Did> grantees, List<Did> holders,
        List<String> purposes, List<String> classes, List<String> securityLabels, List<ProvisionTree> exceptions) {
    public ProvisionTree {
        grantees = List.copyOf(grantees);
        holders = List.copyOf(holders);
        purposes = List.copyOf(purposes);
        classes = List.copyOf(classes);
        securityLabels = List.copyOf(securityLabels);
        exceptions = List.copyOf(exceptions);
        if (exceptions.stream().anyMatch(e -> !e.exceptions().isEmpty())) {
            throw new IllegalArgumentException("exceptions nest one level only");
        }
        if (start != null && end != null && !start.isBefore(end)) {
            throw new IllegalArgumentException("a period must end after it starts");
        }
        Objects.requireNonNull(grantees);
    }
}
