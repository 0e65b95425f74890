package org.medmesh.consent.decision;

import java.util.Objects;
import java.util.Set;

/**
 * One resource a holder keeps for a patient, as the release rules see it: its FHIR type, the codes of its
 * {@code meta.security} labels, and whether the holder received it from another hospital (it then carries the
 * {@value #ORIGIN_TAG_SYSTEM} tag, whose code names that hospital).
 *
 * @param type the FHIR resource type name, e.g. {@code Observation}
 * @param securityLabels the codes in {@code meta.security}; empty for an unlabelled resource
 * @param received true when the resource came from another hospital
 */
public record HeldRecord(String type, Set<String> securityLabels, boolean received) {

    /** The tag system a node puts in {@code meta.tag} of every resource it imported from another hospital. */
    public static final String ORIGIN_TAG_SYSTEM = "https://medmesh.org/fhir/CodeSystem/origin";

    public HeldRecord {
        Objects.requireNonNull(type, "type");
        securityLabels = Set.copyOf(securityLabels);
    }
}
