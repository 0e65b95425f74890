package org.medmesh.node.application.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.medmesh.node.application.enrolment.CompleteEnrolment;
import org.medmesh.node.application.exchange.ExchangeTimer;
import org.medmesh.node.application.exchange.ImportRecords;
import org.medmesh.node.application.exchange.OriginTag;
import org.medmesh.consent.ledger.Did;

/** The requester's import of a holder's released Bundle, on a real store (in-memory H2). */
class ImportRecordsTest {
    private static final FhirStoreFixture FIXTURE = new FhirStoreFixture();
    private static final Did CITY = Did.forOrganization("CityHospitalMSP");
    private static final Did COUNTY = Did.forOrganization("CountyHospitalMSP");
    private static final Did AT_CITY = Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY");

    private final ImportRecords importer = new ImportRecords(FIXTURE.processor, FhirStoreFixture.FHIR, bundle -> { },
            Clock.systemUTC(), ExchangeTimer.NONE);

    @AfterAll
    static void close() {
        FIXTURE.close();
    }

    private static String localPatient() {
        Bundle created = FIXTURE.processor.transaction(post(new Patient().addName(new org.hl7.fhir.r4.model.HumanName()
                .setFamily("Local"))));
        return created.getEntryFirstRep().getResponse().getLocation().split("/")[1];
    }

    private static Bundle post(Patient patient) {
        Bundle bundle = FhirStoreFixture.transaction();
        FhirStoreFixture.post(bundle, "urn:uuid:" + UUID.randomUUID(), patient);
        return bundle;
    }

    private static Patient subject(String id) {
        Patient patient = new Patient();
        patient.setId(id);
        patient.addIdentifier().setSystem(CompleteEnrolment.DID_SYSTEM).setValue(AT_CITY.value());
        return patient;
    }

    private static Practitioner practitioner(String id, String npi) {
        Practitioner practitioner = new Practitioner();
        practitioner.setId(id);
        practitioner.addIdentifier().setSystem("http://hl7.org/fhir/sid/us-npi").setValue(npi);
        return practitioner;
    }

    private static Observation observation(String id, String subject, String performer, String focus) {
        Observation observation = new Observation();
        observation.setId(id);
        observation.setStatus(Observation.ObservationStatus.FINAL).getCode().addCoding().setSystem("http://loinc.org")
                .setCode("8867-4");
        observation.setSubject(new Reference(subject));
        if (performer != null) {
            observation.addPerformer(new Reference(performer));
        }
        if (focus != null) {
            observation.addFocus(new Reference(focus));
        }
        return observation;
    }

    private static byte[] released(org.hl7.fhir.r4.model.Resource... resources) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (org.hl7.fhir.r4.model.Resource resource : resources) {
            bundle.addEntry().setFullUrl(resource.fhirType() + "/" + resource.getIdElement().getIdPart())
                    .setResource(resource);
        }
        return FhirStoreFixture.FHIR.newJsonParser().encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, String> receipt(String subject) {
        return Map.of("txId", "tx-1", "consent", "c-1", "subject", subject);
    }

    @Test
    void maps_the_subject_to_the_local_patient_matches_practitioners_once_and_keeps_withheld_references_at_the_holder() {
        String local = localPatient();
        String npi = Long.toString(System.nanoTime());

        ImportRecords.Imported fromCity = importer.importBundle(local, CITY, AT_CITY, "http://city/fhir", released(
                subject("p1"), practitioner("dr1", npi), observation("o1", "Patient/p1", "Practitioner/dr1",
                        "Condition/withheld")), receipt("Patient/p1"));
        importer.importBundle(local, COUNTY, AT_CITY, "http://county/fhir", released(practitioner("drX", npi),
                observation("o9", "Patient/q9", "Practitioner/drX", null)), receipt("Patient/q9"));

        assertThat(fromCity.resources()).isEqualTo(2);
        assertThat(FIXTURE.search("Practitioner", "identifier=http://hl7.org/fhir/sid/us-npi|" + npi)).hasSize(1);
        Observation imported = FIXTURE.read(Observation.class, "Observation/" + ImportRecords.localId(CITY, "Observation/o1"));
        assertThat(imported.getSubject().getReference()).isEqualTo("Patient/" + local);
        assertThat(imported.getFocusFirstRep().getReference()).isEqualTo("http://city/fhir/Condition/withheld");
        assertThat(OriginTag.of(imported)).contains(CITY.value());
        Observation fromCounty = FIXTURE.read(Observation.class, "Observation/" + ImportRecords.localId(COUNTY,
                "Observation/o9"));
        assertThat(fromCounty.getSubject().getReference()).isEqualTo("Patient/" + local); // Patient not released
        Provenance provenance = FIXTURE.read(Provenance.class, fromCity.provenanceId());
        assertThat(provenance.getTarget()).hasSize(2);
        assertThat(provenance.getPolicy().get(0).getValue()).isEqualTo("urn:medmesh:consent:c-1");
    }

    @Test
    void refuses_a_bundle_holding_another_patient_and_stores_nothing() {
        String local = localPatient();
        Patient stranger = new Patient();
        stranger.setId("stranger");

        assertThatThrownBy(() -> importer.importBundle(local, CITY, AT_CITY, "http://city/fhir", released(subject("p1"),
                stranger, observation("o2", "Patient/stranger", null, null)), receipt("Patient/p1")))
                .isInstanceOf(UnprocessableEntityException.class);
        java.util.Optional<org.medmesh.fhirstore.StoredResource> stored = FIXTURE.store.inTransaction(tx -> tx.read(
                "Observation", ImportRecords.localId(CITY, "Observation/o2")));
        assertThat(stored).isEmpty();
    }

    @Test
    void an_identifier_with_search_syntax_in_it_is_matched_as_it_is() {
        String local = localPatient();
        String odd = "a&_id=x,b%2C" + System.nanoTime();

        importer.importBundle(local, CITY, AT_CITY, "http://city/fhir", released(practitioner("dr2", odd),
                observation("o3", "Patient/p1", "Practitioner/dr2", null)), receipt("Patient/p1"));

        assertThat(FIXTURE.search("Practitioner", "identifier=http://hl7.org/fhir/sid/us-npi|"
                + java.net.URLEncoder.encode(odd.replace(",", "\\,"), StandardCharsets.UTF_8))).hasSize(1);
    }
}
