package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Synthea's shape: hospitals and practitioners in a bundle of their own, then patient bundles pointing at them. */
class SyntheaBundleTest {
    private static final FhirStoreFixture FIXTURE = new FhirStoreFixture();
    private static Bundle practitioners;
    private static Bundle patient;

    @BeforeAll
    static void loadBoth() {
        practitioners = FIXTURE.processor.transaction(FIXTURE.load("/fhir/synthea-practitioners.json"));
        patient = FIXTURE.processor.transaction(FIXTURE.load("/fhir/synthea-patient.json"));
    }

    @AfterAll
    static void closeStore() {
        FIXTURE.close();
    }

    private static String id(Bundle response, int entry) {
        return response.getEntry().get(entry).getResponse().getLocation().replaceAll("/_history/.*", "");
    }

    @Test
    void creates_every_resource_of_the_patient_bundle() {
        assertThat(patient.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("201 Created");
    }

    @Test
    void points_the_encounter_at_the_patient_practitioner_location_and_hospital() {
        Encounter encounter = FIXTURE.read(Encounter.class, id(patient, 1));
        assertThat(encounter.getSubject().getReference()).isEqualTo(id(patient, 0));
        assertThat(encounter.getParticipantFirstRep().getIndividual().getReference()).isEqualTo(id(practitioners, 2));
        assertThat(encounter.getLocationFirstRep().getLocation().getReference()).isEqualTo(id(practitioners, 1));
        assertThat(encounter.getServiceProvider().getReference()).isEqualTo(id(practitioners, 0));
    }

    @Test
    void points_the_condition_and_observation_at_their_patient_and_encounter() {
        Condition condition = FIXTURE.read(Condition.class, id(patient, 2));
        Observation observation = FIXTURE.read(Observation.class, id(patient, 3));
        assertThat(condition.getSubject().getReference()).isEqualTo(id(patient, 0));
        assertThat(observation.getEncounter().getReference()).isEqualTo(id(patient, 1));
    }

    @Test
    void labels_the_hiv_condition() {
        assertThat(FIXTURE.read(Condition.class, id(patient, 2)).getMeta().getSecurity())
                .extracting(c -> c.getCode()).contains("HIV", "R");
    }

    @Test
    void makes_the_patient_findable_by_subject() {
        String patientId = id(patient, 0);
        assertThat(FIXTURE.search("Observation", "subject=" + patientId)).hasSize(1);
    }

    @Test
    void loading_the_practitioner_bundle_again_creates_nothing() {
        Bundle again = FIXTURE.processor.transaction(FIXTURE.load("/fhir/synthea-practitioners.json"));
        assertThat(again.getEntry()).extracting(e -> e.getResponse().getStatus()).containsOnly("200 OK");
        assertThat(FIXTURE.search("Practitioner", "identifier=http://hl7.org/fhir/sid/us-npi|9999912345")).hasSize(1);
    }
}
