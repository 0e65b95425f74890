package org.medmesh.fhir.hl7v2;

import java.util.Map;

/** HL7 table 0396 coding-system names as FHIR code system URIs (the v2-to-FHIR IG's mapping, for the common ones). */
final class CodeSystems {

    static final String V2_TABLE = "http://terminology.hl7.org/CodeSystem/v2-";
    static final String UCUM = "http://unitsofmeasure.org";

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("LN", "http://loinc.org"),
            Map.entry("SCT", "http://snomed.info/sct"),
            Map.entry("SNM", "http://snomed.info/sct"),
            Map.entry("I10", "http://hl7.org/fhir/sid/icd-10"),
            Map.entry("I10C", "http://hl7.org/fhir/sid/icd-10-cm"),
            Map.entry("ICD10CM", "http://hl7.org/fhir/sid/icd-10-cm"),
            Map.entry("I9C", "http://hl7.org/fhir/sid/icd-9-cm"),
            Map.entry("RXNORM", "http://www.nlm.nih.gov/research/umls/rxnorm"),
            Map.entry("CPT", "http://www.ama-assn.org/go/cpt"),
            Map.entry("C4", "http://www.ama-assn.org/go/cpt"),
            Map.entry("CVX", "http://hl7.org/fhir/sid/cvx"),
            Map.entry("NDC", "http://hl7.org/fhir/sid/ndc"),
            Map.entry("UCUM", UCUM),
            Map.entry("ANS+", UCUM));

    private CodeSystems() {}

    /** The URI of a 0396 name; {@code HL7nnnn} becomes the v2 table's URI; unknown local names get a MedMesh URN. */
    static String uri(String name) {
        String known = BY_NAME.get(name);
        if (known != null) {
            return known;
        }
        if (name.matches("HL7\\d{4}")) {
            return V2_TABLE + name.substring(3);
        }
        return "urn:medmesh:hl7v2:codesystem:" + name;
    }
}
