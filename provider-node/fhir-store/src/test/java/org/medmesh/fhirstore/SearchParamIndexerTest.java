package org.medmesh.fhirstore;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.time.Instant;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SearchParamIndexerTest {
    private final SearchParamIndexer indexer = new SearchParamIndexer(FhirContext.forR4Cached());

    @Nested
    class Paths {
        @Test
        void a_choice_element_is_read_through_its_x_name() {
            assertThat(indexer.param("Observation", "date").orElseThrow().paths())
                    .containsExactly("Observation.effective[x]");
        }

        @Test
        void an_as_cast_is_reduced_to_its_element() {
            assertThat(indexer.param("MedicationRequest", "code").orElseThrow().paths())
                    .containsExactly("MedicationRequest.medication[x]");
        }

        @Test
        void a_where_filter_is_dropped_and_its_target_kept() {
            IndexedParam patient = indexer.param("Observation", "patient").orElseThrow();
            assertThat(patient.paths()).containsExactly("Observation.subject");
            assertThat(patient.soleTarget()).isEqualTo("Patient");
        }

        @Test
        void patient_compartment_parameters_are_indexed_too() {
            assertThat(indexer.param("Observation", "performer").orElseThrow().compartment()).isTrue();
        }
    }

    @Nested
    class Extraction {
        @Test
        void codings_become_tokens_with_their_system() {
            Observation observation = new Observation().setCode(new CodeableConcept()
                    .addCoding(new Coding("http://loinc.org", "8867-4", null)));
            assertThat(indexer.extract("Observation", observation).tokens)
                    .contains(new IndexRows.TokenRow("code", "http://loinc.org", "8867-4"));
        }

        @Test
        void names_are_indexed_normalized_and_exact() {
            Patient patient = new Patient();
            patient.addName().setFamily("Müller");
            assertThat(indexer.extract("Patient", patient).strings)
                    .contains(new IndexRows.StringRow("family", "Müller", "muller"));
        }

        @Test
        void an_open_period_reaches_to_the_end_of_time() {
            org.hl7.fhir.r4.model.Encounter encounter = new org.hl7.fhir.r4.model.Encounter()
                    .setPeriod(new Period().setStartElement(new DateTimeType("2021-05-01")));
            assertThat(indexer.extract("Encounter", encounter).dates).containsExactly(new IndexRows.DateRow("date",
                    Instant.parse("2021-05-01T00:00:00Z"), DateRange.MAX));
        }

        @Test
        void a_reference_to_a_patient_places_the_resource_in_its_compartment() {
            Observation observation = new Observation().setSubject(new Reference("Patient/p1"));
            assertThat(indexer.extract("Observation", observation).patients).containsExactly("p1");
        }

        @Test
        void urn_references_are_not_indexed() {
            Observation observation = new Observation().setSubject(new Reference("urn:uuid:1234"));
            IndexRows rows = indexer.extract("Observation", observation);
            assertThat(rows.references).isEmpty();
            assertThat(rows.patients).isEmpty();
        }
    }

    @Nested
    class DateRanges {
        @Test
        void a_month_covers_the_whole_month() {
            assertThat(DateRange.parse("2020-02")).isEqualTo(new DateRange(Instant.parse("2020-02-01T00:00:00Z"),
                    Instant.parse("2020-03-01T00:00:00Z")));
        }

        @Test
        void a_year_covers_the_whole_year() {
            assertThat(DateRange.parse("2019")).isEqualTo(new DateRange(Instant.parse("2019-01-01T00:00:00Z"),
                    Instant.parse("2020-01-01T00:00:00Z")));
        }

        @Test
        void a_second_precise_time_covers_one_second_in_utc() {
            assertThat(DateRange.parse("2020-03-04T10:11:12+02:00")).isEqualTo(new DateRange(
                    Instant.parse("2020-03-04T08:11:12Z"), Instant.parse("2020-03-04T08:11:13Z")));
        }

        @Test
        void a_minute_precise_query_covers_one_minute() {
            assertThat(DateRange.parse("2020-03-04T10:11Z")).isEqualTo(new DateRange(
                    Instant.parse("2020-03-04T10:11:00Z"), Instant.parse("2020-03-04T10:12:00Z")));
        }
    }
}
