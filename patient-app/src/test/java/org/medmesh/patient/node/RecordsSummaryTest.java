package org.medmesh.patient.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medmesh.chaincode.identity.Did;

/** Counting a FHIR Bundle of the patient's records without keeping its contents. */
class RecordsSummaryTest {

    static final Did ST_MARYS = Did.forOrganization("StMarysMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");

    private static RecordsSummary of(String json) {
        return RecordsSummary.of(json.getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class Held {

        @Test
        void lists_each_resource_with_its_type_every_label_and_whether_it_was_received() {
            java.util.List<org.medmesh.consent.decision.HeldRecord> held = RecordsSummary.held(new FhirBundles()
                    .add("Patient", 1).labelled("Condition", 1, "PSY", "R").received("Observation", 1, ST_MARYS)
                    .bytes());

            assertThat(held).containsExactly(
                    new org.medmesh.consent.decision.HeldRecord("Patient", java.util.Set.of(), false),
                    new org.medmesh.consent.decision.HeldRecord("Condition", java.util.Set.of("PSY", "R"), false),
                    new org.medmesh.consent.decision.HeldRecord("Observation", java.util.Set.of(), true));
        }

        @Test
        void refuses_what_is_not_a_bundle() {
            assertThatIllegalArgumentException().isThrownBy(() -> RecordsSummary.held(
                    "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Nested
    class Counts {

        @Test
        void counts_the_resources_by_type() {
            RecordsSummary summary = RecordsSummary.of(new FhirBundles().add("Patient", 1).add("Observation", 412)
                    .add("Condition", 37).bytes());

            assertThat(summary.total()).isEqualTo(450);
            assertThat(summary.kinds()).containsExactlyInAnyOrderEntriesOf(
                    Map.of("Patient", 1, "Observation", 412, "Condition", 37));
        }

        @Test
        void counts_the_resources_received_from_each_other_hospital() {
            RecordsSummary summary = RecordsSummary.of(new FhirBundles().add("Observation", 5)
                    .received("Observation", 3, ST_MARYS).received("Condition", 2, RIVER).bytes());

            assertThat(summary.origins()).containsExactlyInAnyOrderEntriesOf(
                    Map.of(ST_MARYS.value(), 3, RIVER.value(), 2));
            assertThat(summary.received()).isEqualTo(5);
        }

        @Test
        void reads_the_origin_from_its_tag_only() {
            RecordsSummary summary = of("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":"
                    + "\"Observation\",\"meta\":{\"tag\":[{\"system\":\"http://example.org/other\",\"code\":\"x\"},"
                    + "{\"system\":\"" + RecordsSummary.ORIGIN_SYSTEM + "\",\"code\":\"" + RIVER.value() + "\"}],"
                    + "\"security\":[{\"code\":\"" + ST_MARYS.value() + "\"}]}}}]}");

            assertThat(summary.origins()).containsExactly(Map.entry(RIVER.value(), 1));
        }

        @Test
        void counts_a_resource_with_several_sensitive_labels_once() {
            RecordsSummary summary = RecordsSummary.of(new FhirBundles().labelled("Condition", 2, "PSY", "R")
                    .labelled("Observation", 1, "HIV").labelled("Observation", 4, "N").bytes());

            assertThat(summary.sensitive()).isEqualTo(3);
            assertThat(summary.sensitiveLabels()).containsExactly("HIV", "PSY", "R");
        }

        @Test
        void counts_a_resource_without_a_type_under_no_name() {
            RecordsSummary summary = of("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"id\":\"1\"}},"
                    + "{\"resource\":{\"resourceType\":7}}]}");

            assertThat(summary.kinds()).containsExactly(Map.entry("", 2));
        }

        @Test
        void skips_what_it_does_not_count() {
            RecordsSummary summary = of("{\"link\":[{\"relation\":\"self\"}],\"entry\":[{\"fullUrl\":\"urn:x\","
                    + "\"search\":{\"mode\":\"match\"},\"resource\":{\"resourceType\":\"Encounter\",\"contained\":"
                    + "[{\"resourceType\":\"Observation\"}]}},{\"request\":{\"method\":\"GET\"}}],"
                    + "\"resourceType\":\"Bundle\",\"total\":1}");

            assertThat(summary.total()).isEqualTo(1);
            assertThat(summary.kinds()).containsExactly(Map.entry("Encounter", 1));
        }

        @Test
        void counts_nothing_in_a_bundle_without_entries() {
            RecordsSummary summary = of("{\"resourceType\":\"Bundle\",\"type\":\"collection\"}");

            assertThat(summary.total()).isZero();
            assertThat(summary.received()).isZero();
            assertThat(summary.sensitive()).isZero();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"not json", "[]", "{\"resourceType\":\"Patient\"}", "{\"entry\":[]}",
        "{\"resourceType\":\"Bundle\",\"entry\":{}}", "{\"resourceType\":\"Bundle\",\"entry\":[7]}",
        "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":[]}]}", "{\"resourceType\":\"Bundle\"} {}",
        "{\"resourceType\":\"Bundle\",\"entry\":[],\"entry\":[{\"resource\":{}}]}", "{\"resourceType\":\"Bundle\""})
    void refuses_what_is_not_a_bundle(String json) {
        assertThatIllegalArgumentException().isThrownBy(() -> of(json));
    }
}
