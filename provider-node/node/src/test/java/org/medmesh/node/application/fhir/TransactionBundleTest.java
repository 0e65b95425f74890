package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medmesh.node.application.fhir.FhirStoreFixture.post;
import static org.medmesh.node.application.fhir.FhirStoreFixture.request;
import static org.medmesh.node.application.fhir.FhirStoreFixture.transaction;
import static org.medmesh.node.application.fhir.FhirStoreFixture.unique;
import static org.medmesh.node.application.fhir.FhirStoreFixture.urn;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryResponseComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionBundleTest {
    private static final FhirStoreFixture FIXTURE = new FhirStoreFixture();

    @AfterAll
    static void closeStore() {
        FIXTURE.close();
    }

    private static Patient patient(String mrn) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("urn:mrn").setValue(mrn);
        patient.addName().setFamily("Doe");
        return patient;
    }

    private static Bundle run(Bundle bundle) {
        return FIXTURE.processor.transaction(bundle);
    }

    @Nested
    class Creates {
        @Test
        void creates_with_201_location_etag_and_last_modified() {
            Bundle bundle = transaction();
            post(bundle, urn(), patient(unique()));
            BundleEntryResponseComponent response = run(bundle).getEntryFirstRep().getResponse();
            assertThat(response.getStatus()).isEqualTo("201 Created");
            assertThat(response.getLocation()).matches("Patient/[0-9a-f-]{36}/_history/1");
            assertThat(response.getEtag()).isEqualTo("W/\"1\"");
            assertThat(response.getLastModified()).isNotNull();
        }

        @Test
        void rewrites_urn_references_whatever_the_entry_order() {
            Bundle bundle = transaction();
            String patientUrn = urn();
            Condition condition = new Condition().setSubject(new Reference(patientUrn));
            post(bundle, urn(), condition);
            post(bundle, patientUrn, patient(unique()));
            Bundle response = run(bundle);
            String conditionId = response.getEntry().get(0).getResponse().getLocation().replaceAll("/_history/.*", "");
            String patientId = response.getEntry().get(1).getResponse().getLocation().replaceAll("/_history/.*", "");
            assertThat(FIXTURE.read(Condition.class, conditionId).getSubject().getReference()).isEqualTo(patientId);
        }

        @Test
        void labels_sensitive_resources_before_storing_them() {
            Bundle bundle = transaction();
            Condition hiv = new Condition().setCode(new CodeableConcept().addCoding(
                    new org.hl7.fhir.r4.model.Coding("http://snomed.info/sct", "86406008", "HIV")));
            post(bundle, urn(), hiv);
            String id = run(bundle).getEntryFirstRep().getResponse().getLocation().replaceAll("/_history/.*", "");
            assertThat(FIXTURE.read(Condition.class, id).getMeta().getSecurity())
                    .extracting(c -> c.getCode()).contains("HIV", "R");
        }
    }

    @Nested
    class ConditionalCreates {
        @Test
        void creating_the_same_bundle_twice_stores_one_resource() {
            String mrn = unique();
            for (int i = 0; i < 2; i++) {
                Bundle bundle = transaction();
                post(bundle, urn(), patient(mrn)).getRequest().setIfNoneExist("identifier=urn:mrn|" + mrn);
                String status = run(bundle).getEntryFirstRep().getResponse().getStatus();
                assertThat(status).isEqualTo(i == 0 ? "201 Created" : "200 OK");
            }
            assertThat(FIXTURE.search("Patient", "identifier=urn:mrn|" + mrn)).hasSize(1);
        }

        @Test
        void refuses_with_412_when_the_condition_matches_several() {
            String mrn = unique();
            Bundle two = transaction();
            post(two, urn(), patient(mrn));
            post(two, urn(), patient(mrn));
            run(two);
            Bundle bundle = transaction();
            post(bundle, urn(), patient(mrn)).getRequest().setIfNoneExist("identifier=urn:mrn|" + mrn);
            assertThatThrownBy(() -> run(bundle)).isInstanceOf(PreconditionFailedException.class)
                    .hasMessageNotContaining(mrn);
        }

        @Test
        void repeats_in_one_bundle_create_one_resource() {
            String mrn = unique();
            Bundle bundle = transaction();
            post(bundle, urn(), patient(mrn)).getRequest().setIfNoneExist("identifier=urn:mrn|" + mrn);
            post(bundle, urn(), patient(mrn)).getRequest().setIfNoneExist("identifier=urn:mrn|" + mrn);
            Bundle response = run(bundle);
            assertThat(response.getEntry().get(1).getResponse().getLocation())
                    .isEqualTo(response.getEntry().get(0).getResponse().getLocation());
            assertThat(FIXTURE.search("Patient", "identifier=urn:mrn|" + mrn)).hasSize(1);
        }
    }

    @Nested
    class Updates {
        @Test
        void creates_then_updates_by_id_and_checks_if_match() {
            String id = "p-" + unique().substring(0, 8);
            Bundle create = transaction();
            request(create, HTTPVerb.PUT, "Patient/" + id, patient(unique()));
            assertThat(run(create).getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
            Bundle update = transaction();
            request(update, HTTPVerb.PUT, "Patient/" + id, patient(unique())).getRequest().setIfMatch("W/\"1\"");
            assertThat(run(update).getEntryFirstRep().getResponse().getEtag()).isEqualTo("W/\"2\"");
        }

        @Test
        void refuses_a_stale_if_match_with_412() {
            String id = "p-" + unique().substring(0, 8);
            Bundle create = transaction();
            request(create, HTTPVerb.PUT, "Patient/" + id, patient(unique()));
            run(create);
            Bundle stale = transaction();
            request(stale, HTTPVerb.PUT, "Patient/" + id, patient(unique())).getRequest().setIfMatch("W/\"7\"");
            assertThatThrownBy(() -> run(stale)).isInstanceOf(PreconditionFailedException.class);
        }

        @Test
        void conditional_update_creates_then_updates_the_one_match() {
            String mrn = unique();
            for (int version = 1; version <= 2; version++) {
                Bundle bundle = transaction();
                request(bundle, HTTPVerb.PUT, "Patient?identifier=urn:mrn|" + mrn, patient(mrn));
                assertThat(run(bundle).getEntryFirstRep().getResponse().getEtag()).isEqualTo("W/\"" + version + "\"");
            }
            assertThat(FIXTURE.search("Patient", "identifier=urn:mrn|" + mrn)).hasSize(1);
        }
    }

    @Nested
    class DeletesAndReads {
        @Test
        void deletes_by_condition_then_reads_in_fhir_order() {
            String mrn = unique();
            Bundle create = transaction();
            post(create, urn(), patient(mrn));
            String location = run(create).getEntryFirstRep().getResponse().getLocation();
            String id = location.replaceAll("/_history/.*", "");
            Bundle bundle = transaction();
            request(bundle, HTTPVerb.GET, "Patient?identifier=urn:mrn|" + mrn, null);
            request(bundle, HTTPVerb.DELETE, "Patient?identifier=urn:mrn|" + mrn, null);
            Bundle response = run(bundle);
            assertThat(response.getEntry().get(1).getResponse().getStatus()).isEqualTo("204 No Content");
            assertThat(((Bundle) response.getEntry().get(0).getResource()).getTotal()).isZero();
            Bundle read = transaction();
            request(read, HTTPVerb.GET, id, null);
            assertThatThrownBy(() -> run(read)).isInstanceOf(BaseServerResponseException.class)
                    .extracting(e -> ((BaseServerResponseException) e).getStatusCode()).isEqualTo(410);
        }

        @Test
        void reads_a_resource_by_id() {
            Bundle create = transaction();
            post(create, urn(), patient(unique()));
            String id = run(create).getEntryFirstRep().getResponse().getLocation().replaceAll("/_history/.*", "");
            Bundle read = transaction();
            request(read, HTTPVerb.GET, id, null);
            assertThat(run(read).getEntryFirstRep().getResource()).isInstanceOf(Patient.class);
        }
    }

    @Nested
    class Rollback {
        @Test
        void a_failing_entry_leaves_nothing_stored_and_names_the_entry() {
            String mrn = unique();
            Bundle bundle = transaction();
            post(bundle, urn(), patient(mrn));
            post(bundle, urn(), new Condition().setSubject(new Reference("Patient?identifier=urn:mrn|nobody-" + mrn)));
            assertThatThrownBy(() -> run(bundle)).isInstanceOfSatisfying(PreconditionFailedException.class, e -> {
                OperationOutcome outcome = (OperationOutcome) e.getOperationOutcome();
                assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("Bundle.entry[1]");
                assertThat(e.getMessage()).startsWith("Bundle.entry[1]").doesNotContain(mrn);
            });
            assertThat(FIXTURE.search("Patient", "identifier=urn:mrn|" + mrn)).isEmpty();
        }
    }
}
