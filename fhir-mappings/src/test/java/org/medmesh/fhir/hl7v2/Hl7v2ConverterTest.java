package org.medmesh.fhir.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.fhir.Fhir;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Converted;

class Hl7v2ConverterTest {

    static final Instant NOW = Instant.parse("2024-03-15T16:10:00Z");

    static Hl7v2Converter converter() {
        AtomicLong next = new AtomicLong();
        return new Hl7v2Converter(Hl7v2Settings.inZone(ZoneId.of("America/Chicago")),
                Clock.fixed(NOW, ZoneOffset.UTC), () -> new UUID(0, next.incrementAndGet()));
    }

    static Bundle convert(String file) {
        Hl7v2Conversion result = converter().convert(Messages.load(file));
        assertThat(result).isInstanceOf(Converted.class);
        return ((Converted) result).bundle();
    }

    static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }

    static BundleEntryComponent entryOf(Bundle bundle, Class<? extends Resource> type) {
        return bundle.getEntry().stream().filter(e -> type.isInstance(e.getResource())).findFirst().orElseThrow();
    }

    @Nested
    class AdtA01 {

        final Bundle bundle = convert("adt-a01.hl7");

        @Test
        void is_a_transaction_of_patient_encounter_observation_and_provenance() {
            assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
            assertThat(bundle.getEntry()).extracting(e -> e.getResource().fhirType())
                    .containsExactly("Patient", "Encounter", "Observation", "Provenance");
            assertThat(bundle.getEntry()).allSatisfy(e -> assertThat(e.getFullUrl()).startsWith("urn:uuid:"));
        }

        @Test
        void updates_the_patient_conditionally_on_the_medical_record_number_and_its_oid() {
            BundleEntryComponent entry = entryOf(bundle, Patient.class);
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(entry.getRequest().getUrl())
                    .isEqualTo("Patient?identifier=urn%3Aoid%3A1.2.840.114350.1.13.1|100234");
        }

        @Test
        void maps_the_pid_fields_to_the_patient() {
            Patient patient = resources(bundle, Patient.class).get(0);
            assertThat(patient.getIdentifier()).extracting(i -> i.getSystem() + "|" + i.getValue())
                    .containsExactly("urn:oid:1.2.840.114350.1.13.1|100234", "urn:medmesh:hl7v2:authority:SSA|987-65-4320");
            assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Rivera");
            assertThat(patient.getNameFirstRep().getGiven()).extracting(Object::toString).containsExactly("Maria", "L");
            assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1975-04-12");
            assertThat(patient.getGender().toCode()).isEqualTo("female");
            assertThat(patient.getAddressFirstRep().getCity()).isEqualTo("Springfield");
            assertThat(patient.getTelecom()).extracting(c -> c.getUse().toCode()).containsExactly("home", "work");
        }

        @Test
        void maps_pv1_to_an_in_progress_inpatient_encounter_of_the_patient() {
            Encounter encounter = resources(bundle, Encounter.class).get(0);
            assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
            assertThat(encounter.getClass_().getCode()).isEqualTo("IMP");
            assertThat(encounter.getSubject().getReference()).isEqualTo(entryOf(bundle, Patient.class).getFullUrl());
            assertThat(encounter.getPeriod().getStartElement().getValueAsString()).isEqualTo("2024-03-15T08:00:00-05:00");
            assertThat(encounter.getParticipant()).extracting(p -> p.getTypeFirstRep().getCodingFirstRep().getCode())
                    .containsExactly("ATND", "REF", "ADM");
            assertThat(entryOf(bundle, Encounter.class).getRequest().getUrl())
                    .isEqualTo("Encounter?identifier=urn%3Amedmesh%3Ahl7v2%3Aauthority%3ASTMARYS|V7781");
        }

        @Test
        void names_the_source_message_in_a_provenance_that_targets_every_resource() {
            Provenance provenance = resources(bundle, Provenance.class).get(0);
            assertThat(provenance.getTarget()).extracting(r -> r.getReference()).containsExactlyElementsOf(
                    bundle.getEntry().subList(0, 3).stream().map(BundleEntryComponent::getFullUrl).toList());
            assertThat(provenance.getEntityFirstRep().getWhat().getIdentifier().getValue()).isEqualTo("MSG00001");
            assertThat(provenance.getAgentFirstRep().getWho().getDisplay()).isEqualTo("EPICADT");
            assertThat(provenance.getAgentFirstRep().getOnBehalfOf().getDisplay()).isEqualTo("STMARYS");
            assertThat(provenance.getRecorded()).isEqualTo(java.util.Date.from(NOW));
            assertThat(provenance.getOccurredDateTimeType().getValueAsString()).isEqualTo("2024-03-15T08:00:00-05:00");
        }

        @Test
        void serialises_as_fhir_json() {
            String json = Fhir.context().newJsonParser().encodeResourceToString(bundle);
            assertThat(Fhir.context().newJsonParser().parseResource(Bundle.class, json).getEntry()).hasSize(4);
        }
    }

    @Nested
    class AdtA03 {

        @Test
        void finishes_the_same_encounter_with_the_discharge_time() {
            Bundle bundle = convert("adt-a03.hl7");
            Encounter encounter = resources(bundle, Encounter.class).get(0);
            assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
            assertThat(encounter.getPeriod().getEndElement().getValueAsString()).isEqualTo("2024-03-18T13:30:00-05:00");
            assertThat(encounter.getHospitalization().getDischargeDisposition().getCodingFirstRep().getCode()).isEqualTo("01");
            assertThat(entryOf(bundle, Encounter.class).getRequest().getUrl()).endsWith("|V7781");
        }
    }

    @Nested
    class AdtA04 {

        @Test
        void registers_an_outpatient_from_a_version_2_3_message() {
            Bundle bundle = convert("adt-a04.hl7");
            Encounter encounter = resources(bundle, Encounter.class).get(0);
            assertThat(encounter.getClass_().getCode()).isEqualTo("AMB");
            assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.INPROGRESS);
            Patient patient = resources(bundle, Patient.class).get(0);
            assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("O'Brien");
            assertThat(patient.getTelecomFirstRep().getValue()).isEqualTo("(307)555-0101");
        }
    }

    @Nested
    class AdtA08 {

        @Test
        void updates_the_demographics_of_the_patient_found_by_identifier() {
            Bundle bundle = convert("adt-a08.hl7");
            BundleEntryComponent entry = entryOf(bundle, Patient.class);
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.PUT);
            assertThat(entry.getRequest().getUrl()).isEqualTo("Patient?identifier=urn%3Amedmesh%3Ahl7v2%3Aauthority%3ASTMARYS|100234");
            assertThat(((Patient) entry.getResource()).getNameFirstRep().getFamily()).isEqualTo("Rivera-Lopez");
        }
    }

    @Nested
    class OruR01 {

        final Bundle bundle = convert("oru-r01.hl7");

        @Test
        void creates_the_patient_only_if_absent_so_results_never_overwrite_demographics() {
            BundleEntryComponent entry = entryOf(bundle, Patient.class);
            assertThat(entry.getRequest().getMethod()).isEqualTo(Bundle.HTTPVerb.POST);
            assertThat(entry.getRequest().getIfNoneExist()).isEqualTo("identifier=urn%3Amedmesh%3Ahl7v2%3Aauthority%3ASTMARYS|100234");
        }

        @Test
        void maps_obr_to_a_final_report_keyed_by_filler_order_number_with_its_results() {
            DiagnosticReport report = resources(bundle, DiagnosticReport.class).get(0);
            assertThat(report.getStatus()).isEqualTo(DiagnosticReport.DiagnosticReportStatus.FINAL);
            assertThat(report.getCode().getCodingFirstRep().getSystem()).isEqualTo("http://loinc.org");
            assertThat(report.getResult()).hasSize(5);
            assertThat(entryOf(bundle, DiagnosticReport.class).getRequest().getUrl())
                    .isEqualTo("DiagnosticReport?identifier=urn%3Amedmesh%3Ahl7v2%3Aauthority%3ASTMARYSLAB|LF-99871");
        }

        @Test
        void maps_each_obx_value_type() {
            List<Observation> observations = resources(bundle, Observation.class);
            assertThat(observations).hasSize(5);
            Quantity glucose = observations.get(0).getValueQuantity();
            assertThat(glucose.getValue()).isEqualByComparingTo("142");
            assertThat(glucose.getCode()).isEqualTo("mg/dL");
            assertThat(glucose.getSystem()).isEqualTo("http://unitsofmeasure.org");
            assertThat(observations.get(0).getInterpretationFirstRep().getCodingFirstRep().getCode()).isEqualTo("H");
            assertThat(observations.get(2).getValueQuantity().getComparator()).isEqualTo(Quantity.QuantityComparator.GREATER_THAN);
            assertThat(observations.get(3).getValueStringType().getValue()).isEqualTo("Specimen slightly hemolysed");
            assertThat(observations.get(4).getValueCodeableConcept().getCodingFirstRep().getCode()).isEqualTo("YEL");
        }

        @Test
        void dates_results_by_the_order_when_obx_has_no_time_and_keys_them_for_resending() {
            Observation glucose = resources(bundle, Observation.class).get(0);
            assertThat(glucose.getEffectiveDateTimeType().getValueAsString()).isEqualTo("2024-03-15T12:00:00-05:00");
            assertThat(bundle.getEntry().stream().filter(e -> e.getResource() instanceof Observation).findFirst()
                    .orElseThrow().getRequest().getUrl()).endsWith("|LF-99871-2345-7");
        }

        @Test
        void converts_the_same_message_to_the_same_conditional_requests_so_resending_updates() {
            Bundle again = convert("oru-r01.hl7");
            assertThat(again.getEntry()).extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl())
                    .containsExactlyElementsOf(bundle.getEntry().stream()
                            .map(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl()).toList());
        }
    }
}
