package org.medmesh.node.application.exchange;

import java.util.List;
import java.util.Objects;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.consent.ledger.Did;

/**
 * A clinician's order: the records of local Patient {@code patientId} for {@code purpose}, of {@code classes}
 * (empty: whatever each consent permits), from {@code holder} or (null) from every hospital the patient linked;
 * {@code emergency} for a break-glass (purpose ETREAT), null otherwise. {@code clinician} is who asked (from the
 * bearer token), kept with the job.
 */
public record FetchOrder(String patientId, String purpose, List<String> classes, Did holder,
        EmergencyAccess emergency, String clinician) {
    public FetchOrder {
        Objects.requireNonNull(patientId, "patientId");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(clinician, "clinician");
        classes = List.copyOf(classes);
    }
}
