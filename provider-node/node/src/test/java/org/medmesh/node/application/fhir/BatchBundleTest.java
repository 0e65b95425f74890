package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.node.application.fhir.FhirStoreFixture.batch;
import static org.medmesh.node.application.fhir.FhirStoreFixture.post;
import static org.medmesh.node.application.fhir.FhirStoreFixture.request;
import static org.medmesh.node.application.fhir.FhirStoreFixture.unique;
import static org.medmesh.node.application.fhir.FhirStoreFixture.urn;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class BatchBundleTest {
    private static final FhirStoreFixture FIXTURE = new FhirStoreFixture();

    @AfterAll
    static void closeStore() {
        FIXTURE.close();
    }

    private static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:mrn").setValue(mrn);
        return patient;
    }

    @Test
    void a_bad_entry_fails_alone_and_the_others_are_stored() {
        String first = unique();
        String last = unique();
        Bundle bundle = batch();
        post(bundle, urn(), patient(first));
        request(bundle, HTTPVerb.GET, "Patient/does-not-exist", null);
        post(bundle, urn(), patient(last));
        Bundle response = FIXTURE.processor.batch(bundle);
        assertThat(response.getType()).isEqualTo(BundleType.BATCHRESPONSE);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "404 Not Found", "201 Created");
        OperationOutcome outcome = (OperationOutcome) response.getEntry().get(1).getResponse().getOutcome();
        assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1]");
        assertThat(FIXTURE.search("Patient", "identifier=urn:mrn|" + first + "," + last)).hasSize(2);
    }

    @Test
    void refuses_urn_references_between_entries_with_400() {
        String patientUrn = urn();
        Bundle bundle = batch();
        post(bundle, patientUrn, patient(unique()));
        post(bundle, urn(), new Observation().setSubject(new Reference(patientUrn)));
        Bundle response = FIXTURE.processor.batch(bundle);
        assertThat(response.getEntry()).extracting(e -> e.getResponse().getStatus())
                .containsExactly("201 Created", "400 Bad Request");
    }

    @Test
    void answers_an_entry_without_request_with_400() {
        Bundle bundle = batch();
        bundle.addEntry().setResource(patient(unique()));
        assertThat(FIXTURE.processor.batch(bundle).getEntryFirstRep().getResponse().getStatus())
                .isEqualTo("400 Bad Request");
    }
}
