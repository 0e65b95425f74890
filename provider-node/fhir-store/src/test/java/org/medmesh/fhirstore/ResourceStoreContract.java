package org.medmesh.fhirstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What every {@link JdbcResourceStore} database must do: writes, versions, reads, history, paging and the Patient
 * compartment here; search in {@link SearchContract}; transactions in {@link TransactionContract}.
 */
abstract class ResourceStoreContract extends TransactionContract {

    @Nested
    class Create {
        @Test
        void assigns_a_uuid_and_version_1() {
            StoredResource stored = create(patient("Smith"));
            assertThat(stored.id()).matches("[0-9a-f-]{36}");
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.deleted()).isFalse();
        }

        @Test
        void writes_version_and_last_updated_into_the_stored_json() {
            StoredResource stored = create(patient("Smith"));
            Patient parsed = FHIR.newJsonParser().parseResource(Patient.class, stored.json());
            assertThat(parsed.getIdPart()).isEqualTo(stored.id());
            assertThat(parsed.getMeta().getVersionId()).isEqualTo("1");
            assertThat(parsed.getMeta().getLastUpdated().toInstant()).isEqualTo(stored.lastUpdated());
        }

        @Test
        void ignores_an_id_the_resource_already_had() {
            Patient patient = patient("Smith");
            patient.setId("chosen");
            assertThat(create(patient).id()).isNotEqualTo("chosen");
        }
    }

    @Nested
    class Update {
        @Test
        void stores_the_next_version() {
            Patient patient = patient("Smith");
            create(patient);
            patient.getNameFirstRep().setFamily("Jones");
            StoredResource second = update(patient, null);
            assertThat(second.version()).isEqualTo(2);
            assertThat(read("Patient", second.id()).orElseThrow().json())
                    .contains("Jones");
        }

        @Test
        void creates_a_resource_under_a_client_assigned_id() {
            Patient patient = patient("Smith");
            patient.setId("client-1");
            StoredResource stored = update(patient, null);
            assertThat(stored.id()).isEqualTo("client-1");
            assertThat(stored.version()).isEqualTo(1);
        }

        @Test
        void succeeds_when_the_expected_version_is_current() {
            Patient patient = patient("Smith");
            create(patient);
            assertThat(update(patient, 1L).version()).isEqualTo(2);
        }

        @Test
        void refuses_a_stale_expected_version() {
            Patient patient = patient("Smith");
            create(patient);
            update(patient, null);
            assertThatThrownBy(() -> update(patient, 1L)).isInstanceOf(StoreException.class)
                    .extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.VERSION_CONFLICT);
        }

        @Test
        void replaces_the_search_index_of_the_previous_version() {
            Patient patient = patient("Smith");
            create(patient);
            patient.getNameFirstRep().setFamily("Jones");
            update(patient, null);
            assertThat(ids("Patient", new StringCriterion("family", List.of("Smith"), false))).isEmpty();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Jones"), false))).hasSize(1);
        }

        @Test
        void revives_a_deleted_resource() {
            Patient patient = patient("Smith");
            String id = create(patient).id();
            delete("Patient", id);
            assertThat(update(patient, null).version()).isEqualTo(3);
            assertThat(read("Patient", id)).isPresent();
        }

        @Test
        void refuses_a_resource_without_an_id() {
            assertThatThrownBy(() -> update(patient("Smith"), null)).isInstanceOf(StoreException.class)
                    .extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.INVALID);
        }
    }

    @Nested
    class Delete {
        @Test
        void makes_a_read_gone() {
            String id = create(patient("Smith")).id();
            delete("Patient", id);
            assertThatThrownBy(() -> read("Patient", id))
                    .isInstanceOf(StoreException.class)
                    .extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.GONE);
        }

        @Test
        void of_a_missing_resource_is_not_found() {
            assertThatThrownBy(() -> delete("Patient", "missing")).isInstanceOf(StoreException.class)
                    .extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.NOT_FOUND);
        }

        @Test
        void of_a_deleted_resource_returns_the_existing_deletion() {
            String id = create(patient("Smith")).id();
            StoredResource first = delete("Patient", id);
            StoredResource again = delete("Patient", id);
            assertThat(again).isEqualTo(first);
            assertThat(again.version()).isEqualTo(2);
        }

        @Test
        void removes_the_resource_from_search() {
            String id = create(patient("Smith")).id();
            delete("Patient", id);
            assertThat(ids("Patient", new StringCriterion("family", List.of("Smith"), false))).isEmpty();
        }
    }

    @Nested
    class ReadAndVread {
        @Test
        void read_of_an_unknown_id_is_empty() {
            assertThat(read("Patient", "nobody")).isEmpty();
        }

        @Test
        void read_of_an_unknown_type_is_invalid() {
            assertThatThrownBy(() -> read("Spaceship", "1"))
                    .isInstanceOf(StoreException.class)
                    .extracting(StoreFixture::codeOf).isEqualTo(StoreException.Code.INVALID);
        }

        @Test
        void vread_returns_an_old_version() {
            Patient patient = patient("Smith");
            String id = create(patient).id();
            patient.getNameFirstRep().setFamily("Jones");
            update(patient, null);
            StoredResource first = vread("Patient", id, 1).orElseThrow();
            assertThat(first.json()).contains("Smith").doesNotContain("Jones");
        }

        @Test
        void vread_of_a_deletion_has_no_body() {
            String id = create(patient("Smith")).id();
            delete("Patient", id);
            StoredResource deletion = vread("Patient", id, 2).orElseThrow();
            assertThat(deletion.deleted()).isTrue();
            assertThat(deletion.json()).isNull();
        }

        @Test
        void vread_of_an_unknown_version_is_empty() {
            String id = create(patient("Smith")).id();
            assertThat(vread("Patient", id, 7)).isEmpty();
        }
    }

    @Nested
    class History {
        @Test
        void of_an_instance_is_newest_first_with_deletions() {
            Patient patient = patient("Smith");
            String id = create(patient).id();
            update(patient, null);
            delete("Patient", id);
            List<StoredResource> history = history("Patient", id, null, 0, 10);
            assertThat(history).extracting(StoredResource::version).containsExactly(3L, 2L, 1L);
            assertThat(history.get(0).deleted()).isTrue();
        }

        @Test
        void of_a_type_leaves_out_other_types() {
            create(patient("Smith"));
            create(observation("p", "1", null));
            assertThat(history("Patient", null, null, 0, 10))
                    .extracting(StoredResource::type).containsExactly("Patient");
        }

        @Test
        void of_the_system_covers_every_type_newest_first() {
            create(patient("Smith"));
            create(observation("p", "1", null));
            assertThat(history(null, null, null, 0, 10))
                    .extracting(StoredResource::type).containsExactly("Observation", "Patient");
        }

        @Test
        void since_keeps_versions_written_at_or_after_it() {
            Patient patient = patient("Smith");
            String id = create(patient).id();
            Instant since = update(patient, null).lastUpdated();
            update(patient, null);
            assertThat(history("Patient", id, since, 0, 10))
                    .extracting(StoredResource::version).containsExactly(3L, 2L);
        }

        @Test
        void pages_with_offset_and_count() {
            Patient patient = patient("Smith");
            String id = create(patient).id();
            update(patient, null);
            update(patient, null);
            assertThat(history("Patient", id, null, 1, 1))
                    .extracting(StoredResource::version).containsExactly(2L);
        }
    }

    @Nested
    class Paging {
        @Test
        void returns_the_requested_page_and_the_total() {
            for (int i = 0; i < 5; i++) {
                create(patient("Smith" + i));
            }
            SearchResult page = store.inTransaction(tx -> tx.search(new SearchQuery("Patient", List.of(), null, 2,
                    2)));
            assertThat(page.page()).extracting(r -> r.json().replaceAll(".*\"family\":\"(\\w+)\".*", "$1"))
                    .containsExactly("Smith2", "Smith1");
            assertThat(page.total()).isEqualTo(5);
        }

        @Test
        void a_count_of_zero_gives_the_total_only() {
            create(patient("Smith"));
            SearchResult result = store.inTransaction(tx -> tx.search(new SearchQuery("Patient", List.of(), null, 0,
                    0)));
            assertThat(result.page()).isEmpty();
            assertThat(result.total()).isEqualTo(1);
        }

        @Test
        void sorts_by_a_date_parameter() {
            String late = create(observation("p", "1", "2022-01-01")).id();
            String early = create(observation("p", "1", "2020-01-01")).id();
            SearchResult result = store.inTransaction(tx -> tx.search(new SearchQuery("Observation", List.of(),
                    new SortSpec("date", false), 0, 10)));
            assertThat(result.page()).extracting(StoredResource::id).containsExactly(early, late);
        }
    }

    @Nested
    class PatientCompartment {
        @Test
        void holds_the_patient_first_then_what_references_it() {
            String patient = create(patient("Smith")).id();
            String observation = create(observation(patient, "1", null)).id();
            create(observation("someone-else", "1", null));
            SearchResult everything = store.inTransaction(tx -> tx.patientCompartment(patient, 0, 10));
            assertThat(everything.page()).extracting(StoredResource::id).containsExactly(patient, observation);
            assertThat(everything.total()).isEqualTo(2);
        }

        @Test
        void leaves_out_deleted_resources() {
            String patient = create(patient("Smith")).id();
            String observation = create(observation(patient, "1", null)).id();
            delete("Observation", observation);
            assertThat(store.inTransaction(tx -> tx.patientCompartment(patient, 0, 10)).page())
                    .extracting(StoredResource::id).containsExactly(patient);
        }

        @Test
        void pages_with_offset_and_count() {
            String patient = create(patient("Smith")).id();
            create(observation(patient, "1", null));
            create(observation(patient, "2", null));
            SearchResult second = store.inTransaction(tx -> tx.patientCompartment(patient, 1, 1));
            assertThat(second.page()).extracting(StoredResource::type).containsExactly("Observation");
            assertThat(second.total()).isEqualTo(3);
        }
    }
}
