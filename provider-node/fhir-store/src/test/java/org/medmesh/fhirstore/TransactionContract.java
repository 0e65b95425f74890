package org.medmesh.fhirstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Transaction behaviour every store must show: all or nothing, own writes visible, one winner per race. */
abstract class TransactionContract extends SearchContract {

    @Nested
    class Transactions {
        @Test
        void a_transaction_that_throws_midway_stores_and_indexes_nothing() throws Exception {
            String existing = create(patient("Kept")).id();
            Patient kept = patient("Kept");
            kept.setId(existing);
            assertThatThrownBy(() -> store.inTransaction(tx -> {
                tx.create(patient("Smith"));
                tx.create(observation("p1", "1", "2020-01-01"));
                tx.update(kept, null);
                tx.search(new SearchQuery("Patient", List.of(), null, 0, 10)); // sends the batches first
                throw new IllegalStateException("the caller changed its mind");
            })).isInstanceOf(IllegalStateException.class);
            assertThat(rowCount("fhir_resource")).isEqualTo(1);
            assertThat(rowCount("fhir_resource_version")).isEqualTo(1);
            assertThat(rowCount("fhir_idx_date") + rowCount("fhir_idx_reference")).isZero();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Smith"), false))).isEmpty();
        }

        @Test
        void reads_inside_a_transaction_see_its_own_writes() {
            List<String> found = store.inTransaction(tx -> {
                tx.create(patient("Smith"));
                return tx.search(new SearchQuery("Patient", List.of(new StringCriterion("family",
                        List.of("smi"), false)), null, 0, 10)).page().stream().map(StoredResource::id).toList();
            });
            assertThat(found).hasSize(1);
        }

        @Test
        void a_resource_written_twice_in_one_transaction_keeps_only_the_last_index() {
            Patient patient = patient("Smith");
            StoredResource last = store.inTransaction(tx -> {
                tx.create(patient);
                patient.getNameFirstRep().setFamily("Jones");
                return tx.update(patient, 1L);
            });
            assertThat(last.version()).isEqualTo(2);
            assertThat(ids("Patient", new StringCriterion("family", List.of("Smith"), false))).isEmpty();
            assertThat(ids("Patient", new StringCriterion("family", List.of("Jones"), false)))
                    .containsExactly(last.id());
        }

        @Test
        void resolve_conditional_returns_the_matching_ids() {
            Patient patient = patient("Smith");
            patient.addIdentifier().setSystem("urn:mrn").setValue("42");
            String id = create(patient).id();
            create(patient("Other"));
            List<String> ids = store.inTransaction(tx -> tx.resolveConditional("Patient",
                    List.of(new TokenCriterion("identifier", List.of(new Token("urn:mrn", "42"))))));
            assertThat(ids).containsExactly(id);
        }
    }

    @Nested
    class ConcurrentUpdates {
        @Test
        void one_of_two_updates_expecting_the_same_version_wins() throws Exception {
            String id = create(patient("Smith")).id();
            CyclicBarrier bothRead = new CyclicBarrier(2);
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                List<Future<StoreException.Code>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(threads.submit(() -> updateAfterBothRead(id, bothRead)));
                }
                List<StoreException.Code> codes = new ArrayList<>();
                for (Future<StoreException.Code> outcome : outcomes) {
                    codes.add(outcome.get(30, TimeUnit.SECONDS));
                }
                assertThat(codes).containsExactlyInAnyOrder(null, StoreException.Code.VERSION_CONFLICT);
            } finally {
                threads.shutdownNow();
            }
            assertThat(store.inTransaction(tx -> tx.read("Patient", id)).orElseThrow().version()).isEqualTo(2);
        }

        /** Null when the update committed, else the store's refusal. */
        private StoreException.Code updateAfterBothRead(String id, CyclicBarrier bothRead) {
            try {
                store.inTransaction(tx -> {
                    StoredResource current = tx.read("Patient", id).orElseThrow();
                    await(bothRead);
                    Patient patient = FHIR.newJsonParser().parseResource(Patient.class, current.json());
                    return tx.update(patient, current.version());
                });
                return null;
            } catch (StoreException e) {
                return e.code();
            }
        }

        private void await(CyclicBarrier barrier) {
            try {
                barrier.await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
