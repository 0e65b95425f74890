package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medmesh.node.application.fhir.FhirStoreFixture.post;
import static org.medmesh.node.application.fhir.FhirStoreFixture.request;
import static org.medmesh.node.application.fhir.FhirStoreFixture.transaction;
import static org.medmesh.node.application.fhir.FhirStoreFixture.unique;
import static org.medmesh.node.application.fhir.FhirStoreFixture.urn;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TransactionReferencesTest {
    private static final FhirStoreFixture FIXTURE = new FhirStoreFixture();
    private static final String NPI = "http://hl7.org/fhir/sid/us-npi";

    @AfterAll
    static void closeStore() {
        FIXTURE.close();
    }

    private static Practitioner practitioner(String npi) {
        Practitioner practitioner = new Practitioner();
        practitioner.addIdentifier().setSystem(NPI).setValue(npi);
        return practitioner;
    }

    private static String id(Bundle response, int entry) {
        return response.getEntry().get(entry).getResponse().getLocation().replaceAll("/_history/.*", "");
    }

    @Nested
    class ConditionalReferences {
        @Test
        void resolve_to_a_resource_stored_by_an_earlier_bundle() {
            String npi = unique();
            Bundle earlier = transaction();
            post(earlier, urn(), practitioner(npi)).getRequest().setIfNoneExist("identifier=" + NPI + "|" + npi);
            String practitionerId = id(FIXTURE.processor.transaction(earlier), 0);
            Bundle bundle = transaction();
            post(bundle, urn(), new Encounter().addParticipant(new Encounter.EncounterParticipantComponent()
                    .setIndividual(new Reference("Practitioner?identifier=" + NPI + "|" + npi))));
            String encounterId = id(FIXTURE.processor.transaction(bundle), 0);
            assertThat(FIXTURE.read(Encounter.class, encounterId).getParticipantFirstRep().getIndividual()
                    .getReference()).isEqualTo(practitionerId);
        }

        @Test
        void resolve_to_a_resource_created_later_in_the_same_bundle() {
            String npi = unique();
            Bundle bundle = transaction();
            post(bundle, urn(), new Patient().addGeneralPractitioner(
                    new Reference("Practitioner?identifier=" + NPI + "|" + npi)));
            post(bundle, urn(), practitioner(npi));
            Bundle response = FIXTURE.processor.transaction(bundle);
            assertThat(FIXTURE.read(Patient.class, id(response, 0)).getGeneralPractitionerFirstRep().getReference())
                    .isEqualTo(id(response, 1));
        }

        @Test
        void resolve_through_a_chain_of_conditional_references_in_one_bundle() {
            String npi = unique();
            String mrn = unique();
            Bundle bundle = transaction();
            post(bundle, urn(), new Observation().setSubject(new Reference("Patient?identifier=urn:mrn|" + mrn)));
            Patient patient = new Patient().addGeneralPractitioner(
                    new Reference("Practitioner?identifier=" + NPI + "|" + npi));
            patient.addIdentifier().setSystem("urn:mrn").setValue(mrn);
            post(bundle, urn(), patient);
            post(bundle, urn(), practitioner(npi));
            Bundle response = FIXTURE.processor.transaction(bundle);
            assertThat(FIXTURE.read(Observation.class, id(response, 0)).getSubject().getReference())
                    .isEqualTo(id(response, 1));
        }

        @Test
        void refuse_with_412_when_several_resources_match() {
            String npi = unique();
            Bundle two = transaction();
            post(two, urn(), practitioner(npi));
            post(two, urn(), practitioner(npi));
            FIXTURE.processor.transaction(two);
            Bundle bundle = transaction();
            post(bundle, urn(), new Patient().addGeneralPractitioner(
                    new Reference("Practitioner?identifier=" + NPI + "|" + npi)));
            assertThatThrownBy(() -> FIXTURE.processor.transaction(bundle))
                    .isInstanceOf(PreconditionFailedException.class).hasMessageContaining("matches 2");
        }
    }

    @Nested
    class BadInput {
        private void refused(Bundle bundle, String message) {
            assertThatThrownBy(() -> FIXTURE.processor.transaction(bundle)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Bundle.entry[0]").hasMessageContaining(message);
        }

        @Test
        void refuses_an_entry_without_request() {
            Bundle bundle = transaction();
            bundle.addEntry().setResource(new Patient());
            refused(bundle, "no request");
        }

        @Test
        void refuses_an_unsupported_method() {
            Bundle bundle = transaction();
            request(bundle, HTTPVerb.PATCH, "Patient/1", null);
            refused(bundle, "PATCH");
        }

        @Test
        void refuses_a_resource_of_another_type_than_the_url() {
            Bundle bundle = transaction();
            request(bundle, HTTPVerb.POST, "Observation", new Patient());
            refused(bundle, "names Observation");
        }

        @Test
        void refuses_a_full_url_naming_another_type() {
            Bundle bundle = transaction();
            post(bundle, "http://example.org/fhir/Observation/1", new Patient());
            refused(bundle, "fullUrl");
        }

        @Test
        void refuses_an_unresolvable_urn_reference() {
            Bundle bundle = transaction();
            post(bundle, urn(), new Observation().setSubject(new Reference(urn())));
            refused(bundle, "no entry of the bundle");
        }

        @Test
        void refuses_a_nested_bundle_that_is_not_a_document() {
            Bundle bundle = transaction();
            post(bundle, urn(), new Bundle().setType(Bundle.BundleType.COLLECTION));
            refused(bundle, "document");
        }

        @Test
        void refuses_a_bundle_that_is_not_a_transaction() {
            assertThatThrownBy(() -> FIXTURE.processor.transaction(FhirStoreFixture.batch()))
                    .isInstanceOf(InvalidRequestException.class);
        }
    }
}
