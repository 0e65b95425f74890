package org.medmesh.consent.decision;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.medmesh.consent.ledger.Did;

/**
 * A request for a patient's records, as the holder evaluates it.
 *
 * @param requester the requesting organisation
 * @param holder this node's organisation
 * @param patient the patient's pairwise DID at this holder
 * @param purpose the HL7 v3 PurposeOfUse code claimed, e.g. {@code TREAT}
 * @param classes the FHIR resource type names requested; empty for all
 * @param time when the request is evaluated
 */
public record AccessRequest(Did requester, Did holder, Did patient, String purpose, Set<String> classes,
        Instant time) {

    /** What a PurposeOfUse code looks like, e.g. {@code TREAT}. */
    public static final String PURPOSE = "[A-Z][A-Z0-9]{1,31}";
    /** What a FHIR resource type name looks like, e.g. {@code Observation}. */
    public static final String RESOURCE_TYPE = "[A-Z][A-Za-z]{1,63}";

    public AccessRequest {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(time, "time");
        classes = Set.copyOf(classes);
        if (!purpose.matches(PURPOSE)) {
            throw new IllegalArgumentException("purpose must be a PurposeOfUse code");
        }
        if (!classes.stream().allMatch(c -> c.matches(RESOURCE_TYPE))) {
            throw new IllegalArgumentException("classes must be FHIR resource type names");
        }
    }
}
