package org.medmesh.fhirstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Search behaviour every store must show; {@link ResourceStoreContract} adds the rest. */
abstract class SearchContract extends StoreFixture {

    @Nested
    class TokenSearch {
        @Test
        void matches_a_code_in_any_system_when_no_system_is_given() {
            String id = create(observation("p1", "1234-5", null)).id();
            assertThat(ids("Observation", new TokenCriterion("code", List.of(Token.code("1234-5")))))
                    .containsExactly(id);
        }

        @Test
        void matches_system_and_code_together() {
            String id = create(observation("p1", "1234-5", null)).id();
            assertThat(ids("Observation", new TokenCriterion("code", List.of(new Token(LOINC, "1234-5")))))
                    .containsExactly(id);
        }

        @Test
        void does_not_match_the_code_in_another_system() {
            create(observation("p1", "1234-5", null));
            assertThat(ids("Observation", new TokenCriterion("code", List.of(new Token("http://snomed.info/sct",
                    "1234-5"))))).isEmpty();
        }

        @Test
        void matches_every_code_of_a_system_when_no_code_is_given() {
            String id = create(observation("p1", "1234-5", null)).id();
            assertThat(ids("Observation", new TokenCriterion("code", List.of(new Token(LOINC, null)))))
                    .containsExactly(id);
        }

        @Test
        void matches_an_identifier_by_system_and_value() {
            Patient patient = patient("Smith");
            patient.addIdentifier(new Identifier().setSystem("urn:mrn").setValue("A-1"));
            String id = create(patient).id();
            assertThat(ids("Patient", new TokenCriterion("identifier", List.of(new Token("urn:mrn", "A-1")))))
                    .containsExactly(id);
        }

        @Test
        void matches_a_status_code() {
            String id = create(observation("p1", "1", null)).id();
            assertThat(ids("Observation", new TokenCriterion("status", List.of(Token.code("final")))))
                    .containsExactly(id);
        }

        @Test
        void matches_a_gender_code() {
            Patient patient = patient("Smith");
            patient.setGender(AdministrativeGender.FEMALE);
            String id = create(patient).id();
            create(patient("Jones").setGender(AdministrativeGender.MALE));
            assertThat(ids("Patient", new TokenCriterion("gender", List.of(Token.code("female")))))
                    .containsExactly(id);
        }
    }

    @Nested
    class StringSearch {
        @Test
        void matches_a_prefix_of_the_family_name() {
            String id = create(patient("Smithson", "Jo")).id();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Smi"), false))).containsExactly(id);
        }

        @Test
        void ignores_case_and_accents() {
            String id = create(patient("Müller", "Zoë")).id();
            assertThat(ids("Patient", new StringCriterion("name", List.of("MULL"), false))).containsExactly(id);
            assertThat(ids("Patient", new StringCriterion("given", List.of("zoe"), false))).containsExactly(id);
        }

        @Test
        void exact_match_requires_the_whole_value_with_case_and_accents() {
            String id = create(patient("Müller")).id();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Müller"), true))).containsExactly(id);
            assertThat(ids("Patient", new StringCriterion("family", List.of("Muller"), true))).isEmpty();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Müll"), true))).isEmpty();
        }

        @Test
        void treats_like_wildcards_as_plain_characters() {
            create(patient("Smith"));
            assertThat(ids("Patient", new StringCriterion("family", List.of("%"), false))).isEmpty();
            assertThat(ids("Patient", new StringCriterion("family", List.of("S_ith"), false))).isEmpty();
        }
    }

    @Nested
    class DateSearch {
        private String march15, april2, year2019;

        void load() {
            march15 = create(observation("p", "1", "2020-03-15")).id();
            april2 = create(observation("p", "1", "2020-04-02T10:00:00Z")).id();
            year2019 = create(observation("p", "1", "2019")).id();
        }

        private List<String> dated(Prefix prefix, String value) {
            return ids("Observation", DateCriterion.of("date", prefix, value));
        }

        @Test
        void eq_matches_values_within_the_precision_of_the_query() {
            load();
            assertThat(dated(Prefix.EQ, "2020-03")).containsExactly(march15);
        }

        @Test
        void eq_does_not_match_a_value_wider_than_the_query() {
            load();
            assertThat(dated(Prefix.EQ, "2019-06")).isEmpty();
        }

        @Test
        void gt_and_lt_match_values_reaching_beyond_the_query_range() {
            load();
            assertThat(dated(Prefix.GT, "2020-03")).containsExactly(april2);
            assertThat(dated(Prefix.LT, "2020-03")).containsExactly(year2019);
        }

        @Test
        void ge_and_le_include_values_within_the_query_range() {
            load();
            assertThat(dated(Prefix.GE, "2020-03")).containsExactlyInAnyOrder(march15, april2);
            assertThat(dated(Prefix.LE, "2020-03")).containsExactlyInAnyOrder(march15, year2019);
        }

        @Test
        void sa_and_eb_match_values_entirely_after_or_before() {
            load();
            assertThat(dated(Prefix.SA, "2020-03-31")).containsExactly(april2);
            assertThat(dated(Prefix.EB, "2020-01-01")).containsExactly(year2019);
        }

        @Test
        void ne_matches_values_outside_the_query_range() {
            load();
            assertThat(dated(Prefix.NE, "2020-03")).containsExactlyInAnyOrder(april2, year2019);
        }

        @Test
        void ap_matches_values_near_the_query() {
            load();
            String year2010 = create(observation("p", "1", "2010-01-01")).id();
            assertThat(dated(Prefix.AP, "2020-04-01")).contains(april2, march15).doesNotContain(year2010);
        }

        @Test
        void a_minute_precise_query_matches_the_instant_within_it() {
            load();
            assertThat(dated(Prefix.EQ, "2020-04-02T10:00Z")).containsExactly(april2);
        }

        @Test
        void matches_a_period_by_its_start_and_end() {
            Encounter encounter = new Encounter().setPeriod(new Period()
                    .setStartElement(new org.hl7.fhir.r4.model.DateTimeType("2021-05-01"))
                    .setEndElement(new org.hl7.fhir.r4.model.DateTimeType("2021-05-03")));
            String id = create(encounter).id();
            assertThat(ids("Encounter", DateCriterion.of("date", Prefix.EQ, "2021-05"))).containsExactly(id);
            assertThat(ids("Encounter", DateCriterion.of("date", Prefix.EQ, "2021-05-02"))).isEmpty();
            assertThat(ids("Encounter", DateCriterion.of("date", Prefix.GE, "2021-05-02"))).containsExactly(id);
        }

        @Test
        void matches_a_birth_date() {
            Patient patient = patient("Smith");
            patient.setBirthDateElement(new DateType("1980-07-04"));
            String id = create(patient).id();
            assertThat(ids("Patient", DateCriterion.of("birthdate", Prefix.EQ, "1980"))).containsExactly(id);
            assertThat(ids("Patient", DateCriterion.of("birthdate", Prefix.EQ, "1980-07-05"))).isEmpty();
        }
    }

    @Nested
    class ReferenceSearch {
        @Test
        void matches_a_typed_reference() {
            String id = create(observation("p1", "1", null)).id();
            create(observation("p2", "1", null));
            assertThat(ids("Observation", new ReferenceCriterion("subject", List.of("Patient/p1"))))
                    .containsExactly(id);
        }

        @Test
        void matches_a_bare_id_for_patient() {
            String id = create(observation("p1", "1", null)).id();
            assertThat(ids("Observation", new ReferenceCriterion("patient", List.of("p1")))).containsExactly(id);
        }

        @Test
        void patient_does_not_match_a_subject_of_another_type() {
            Observation observation = observation(null, "1", null);
            observation.setSubject(new Reference("Group/p1"));
            create(observation);
            assertThat(ids("Observation", new ReferenceCriterion("patient", List.of("p1")))).isEmpty();
            assertThat(ids("Observation", new ReferenceCriterion("subject", List.of("Group/p1")))).hasSize(1);
        }

        @Test
        void does_not_index_urn_or_absolute_references() {
            Observation urn = observation(null, "1", null).setSubject(new Reference("urn:uuid:abc"));
            Observation absolute = observation(null, "1", null)
                    .setSubject(new Reference("http://elsewhere.org/fhir/Patient/p1"));
            create(urn);
            create(absolute);
            assertThat(ids("Observation", new ReferenceCriterion("subject", List.of("p1")))).isEmpty();
        }
    }

    @Nested
    class IdAndLastUpdatedSearch {
        @Test
        void matches_any_of_the_ids() {
            String first = create(patient("A")).id();
            String second = create(patient("B")).id();
            create(patient("C"));
            assertThat(ids("Patient", new IdCriterion(List.of(first, second, "missing"))))
                    .containsExactlyInAnyOrder(first, second);
        }

        @Test
        void matches_by_last_updated_with_a_prefix() {
            create(patient("Old"));
            Instant cut = clock.instant().plusSeconds(1);
            String recent = create(patient("New")).id();
            assertThat(ids("Patient", LastUpdatedCriterion.of(Prefix.GE, cut.toString()))).containsExactly(recent);
            assertThat(ids("Patient", LastUpdatedCriterion.of(Prefix.LT, cut.toString()))).hasSize(1)
                    .doesNotContain(recent);
        }
    }

    @Nested
    class Combining {
        @Test
        void criteria_are_combined_with_and() {
            String both = create(observation("p1", "A", "2020-01-01")).id();
            create(observation("p1", "B", "2020-01-01"));
            create(observation("p2", "A", "2020-01-01"));
            assertThat(ids("Observation", new ReferenceCriterion("patient", List.of("p1")),
                    new TokenCriterion("code", List.of(Token.code("A"))))).containsExactly(both);
        }

        @Test
        void values_within_a_criterion_are_combined_with_or() {
            String a = create(observation("p1", "A", null)).id();
            String b = create(observation("p1", "B", null)).id();
            create(observation("p1", "C", null));
            assertThat(ids("Observation", new TokenCriterion("code", List.of(Token.code("A"), Token.code("B")))))
                    .containsExactlyInAnyOrder(a, b);
        }

        @Test
        void an_unindexed_parameter_is_refused() {
            assertThatThrownBy(() -> search("Observation", new TokenCriterion("value-concept",
                    List.of(Token.code("x"))))).extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.INVALID);
        }

        @Test
        void a_criterion_of_the_wrong_kind_is_refused() {
            assertThatThrownBy(() -> search("Observation", new StringCriterion("code", List.of("x"), false)))
                    .isInstanceOf(StoreException.class).extracting(StoreFixture::codeOf)
                    .isEqualTo(StoreException.Code.INVALID);
        }

        @Test
        void a_category_of_a_condition_is_searchable() {
            Condition condition = new Condition();
            condition.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/condition-category")
                    .setCode("encounter-diagnosis");
            String id = create(condition).id();
            assertThat(ids("Condition", new TokenCriterion("category", List.of(Token.code("encounter-diagnosis")))))
                    .containsExactly(id);
        }
    }
}
