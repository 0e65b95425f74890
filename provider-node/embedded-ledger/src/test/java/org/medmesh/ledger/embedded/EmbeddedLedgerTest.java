package org.medmesh.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EmbeddedLedgerTest {
    private static final OrgCa HOSPITAL = OrgCa.generate("Hospital1MSP");
    private static final OrgIdentity NODE = HOSPITAL.issue("node1");

    private EmbeddedLedger ledger;

    @BeforeEach
    void start() {
        ledger = EmbeddedLedger.builder().chaincode(new KeyValueChaincode()).trust(HOSPITAL).build();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    @Nested
    class Submit {
        @Test
        void commits_a_valid_transaction_into_a_block_and_its_writes_become_readable() {
            SubmitResult result = ledger.submit(NODE, "put", "k", "v");

            assertThat(result.code()).isEqualTo(TxValidationCode.VALID);
            assertThat(result.blockNumber()).isZero();
            assertThat(ledger.evaluate(NODE, "get", "k").payload()).isEqualTo("v");
        }

        @Test
        void orders_nothing_when_the_chaincode_refuses() {
            SubmitResult result = ledger.submit(NODE, "refuse");

            assertThat(result.code()).isEqualTo(TxValidationCode.ENDORSEMENT_FAILURE);
            assertThat(result.response().payload()).isEqualTo("REFUSED");
            assertThat(ledger.height()).isZero();
        }

        @Test
        void refuses_a_creator_whose_certificate_no_trusted_ca_issued() {
            OrgIdentity stranger = OrgCa.generate("Hospital1MSP").issue("impostor");

            SubmitResult result = ledger.submit(stranger, "put", "k", "v");

            assertThat(result.code()).isEqualTo(TxValidationCode.BAD_PROPOSAL);
            assertThat(ledger.stateSnapshot()).isEmpty();
        }

        @Test
        void tells_chaincode_the_creators_msp() {
            assertThat(ledger.evaluate(NODE, "creatorMsp").payload()).isEqualTo("Hospital1MSP");
        }

        @Test
        void does_not_let_a_transaction_read_its_own_writes() {
            ledger.submit(NODE, "put", "k", "old");

            assertThat(ledger.submit(NODE, "putThenGet", "k", "new").response().payload()).isEqualTo("old");
            assertThat(ledger.evaluate(NODE, "get", "k").payload()).isEqualTo("new");
        }

        @Test
        void carries_the_timestamp_the_client_claimed() {
            Instant claimed = Instant.parse("2026-01-02T03:04:05.123456Z");
            List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
            ledger.subscribe(0, events::add);

            ledger.submitAt(claimed, NODE, "put", "k", "v");

            awaitSize(events, 1);
            assertThat(events.get(0).claimedTime()).isEqualTo(claimed);
        }
    }

    @Nested
    class Validation {
        @Test
        void invalidates_a_transaction_whose_read_was_changed_by_an_earlier_block() {
            ledger.submit(NODE, "put", "counter", "1");
            Envelope stale = endorse("increment", "counter");
            ledger.submit(NODE, "increment", "counter");

            Committer.Commit commit = commitAlone(stale);

            assertThat(commit.code()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
            assertThat(ledger.evaluate(NODE, "get", "counter").payload()).isEqualTo("2");
        }

        @Test
        void invalidates_the_second_of_two_conflicting_transactions_in_one_block() throws Exception {
            try (EmbeddedLedger batching = EmbeddedLedger.builder().chaincode(new KeyValueChaincode())
                    .trust(HOSPITAL).batchTimeout(Duration.ofMillis(300)).build()) {
                CompletableFuture<SubmitResult> first =
                        batching.submitAsync(Instant.now(), NODE, "increment", List.of("c"));
                CompletableFuture<SubmitResult> second =
                        batching.submitAsync(Instant.now(), NODE, "increment", List.of("c"));

                SubmitResult a = first.get(5, TimeUnit.SECONDS);
                SubmitResult b = second.get(5, TimeUnit.SECONDS);

                assertThat(a.blockNumber()).isEqualTo(b.blockNumber());
                assertThat(a.code()).isEqualTo(TxValidationCode.VALID);
                assertThat(b.code()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
                assertThat(b.code().isRetryable()).isTrue();
                assertThat(batching.evaluate(NODE, "get", "c").payload()).isEqualTo("1");
            }
        }

        @Test
        void invalidates_a_range_read_when_a_key_appears_in_the_range() {
            ledger.submit(NODE, "put", "r1", "x");
            Envelope stale = endorse("countRange", "r0", "r9", "total");
            ledger.submit(NODE, "put", "r5", "x");

            assertThat(commitAlone(stale).code()).isEqualTo(TxValidationCode.PHANTOM_READ_CONFLICT);
            assertThat(ledger.stateSnapshot()).doesNotContainKey("total");
        }

        @Test
        void keeps_a_range_read_valid_when_only_keys_outside_the_range_change() {
            ledger.submit(NODE, "put", "r1", "x");
            Envelope endorsed = endorse("countRange", "r0", "r9", "total");
            ledger.submit(NODE, "put", "s5", "x");

            assertThat(commitAlone(endorsed).code()).isEqualTo(TxValidationCode.VALID);
        }

        @Test
        void refuses_a_transaction_id_that_was_already_committed() {
            Envelope envelope = endorse("put", "k", "v");
            commitAlone(envelope);

            assertThat(commitAlone(envelope).code()).isEqualTo(TxValidationCode.DUPLICATE_TXID);
        }

        private Envelope endorse(String function, String... args) {
            Proposal proposal = Proposal.create(NODE, Instant.now(), function, List.of(args),
                    new java.security.SecureRandom());
            return core().simulate(new KeyValueChaincode(), proposal, "Hospital1MSP", false).envelope();
        }

        private Committer.Commit commitAlone(Envelope envelope) {
            Block block = core().orderAndCommit(List.of(envelope), Instant.now());
            return new Committer.Commit(block.number(), block.codes().get(0));
        }

        private LedgerCore core() {
            try {
                java.lang.reflect.Field field = EmbeddedLedger.class.getDeclaredField("core");
                field.setAccessible(true);
                return (LedgerCore) field.get(ledger);
            } catch (ReflectiveOperationException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Queries {
        @Test
        void pages_through_a_range_with_bookmarks_in_evaluate() {
            for (String key : List.of("a1", "a2", "a3")) {
                ledger.submit(NODE, "put", key, "v");
            }

            assertThat(ledger.evaluate(NODE, "page", "a0", "a9", "2", "").payload()).isEqualTo("a1,a2,|a3");
            assertThat(ledger.evaluate(NODE, "page", "a0", "a9", "2", "a3").payload()).isEqualTo("a3,|");
        }

        @Test
        void refuses_paginated_queries_in_a_submit() {
            SubmitResult result = ledger.submit(NODE, "page", "a0", "a9", "2", "");

            assertThat(result.code()).isEqualTo(TxValidationCode.ENDORSEMENT_FAILURE);
            assertThat(ledger.height()).isZero();
        }

        @Test
        void refuses_composite_keys_in_a_plain_range_query() {
            String composite = "\u0000consent\u0000x\u0000";

            ChaincodeResponse response = ledger.evaluate(NODE, "countRange", composite, "", "t");

            assertThat(response.isSuccess()).isFalse();
        }

        @Test
        void returns_key_history_newest_first_with_deletions() {
            ledger.submit(NODE, "put", "h", "1");
            ledger.submit(NODE, "put", "h", "2");
            ledger.submit(NODE, "del", "h");

            assertThat(ledger.evaluate(NODE, "history", "h").payload()).isEqualTo("<deleted>,2,1,");
        }

        @Test
        void refuses_history_queries_in_a_submit() {
            assertThat(ledger.submit(NODE, "history", "h").code()).isEqualTo(TxValidationCode.ENDORSEMENT_FAILURE);
        }
    }

    @Nested
    class Events {
        @Test
        void delivers_one_event_per_transaction_the_last_one_set() {
            List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
            ledger.subscribe(0, events::add);

            ledger.submit(NODE, "twoEvents", "k");

            awaitSize(events, 1);
            assertThat(events).singleElement().extracting(ChaincodeEventRecord::name).isEqualTo("second");
        }

        @Test
        void delivers_no_event_for_an_invalid_transaction() throws Exception {
            try (EmbeddedLedger batching = EmbeddedLedger.builder().chaincode(new KeyValueChaincode())
                    .trust(HOSPITAL).batchTimeout(Duration.ofMillis(300)).build()) {
                List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
                batching.subscribe(0, events::add);
                CompletableFuture<SubmitResult> a = batching.submitAsync(Instant.now(), NODE, "twoEvents",
                        List.of("k"));
                CompletableFuture<SubmitResult> b = batching.submitAsync(Instant.now(), NODE, "increment",
                        List.of("k"));
                a.get(5, TimeUnit.SECONDS);
                b.get(5, TimeUnit.SECONDS);
                batching.submit(NODE, "put", "marker", "m");

                awaitSize(events, 2);
                assertThat(events).extracting(ChaincodeEventRecord::name).containsExactly("second", "put");
            }
        }

        @Test
        void replays_events_from_a_checkpoint_block() {
            ledger.submit(NODE, "put", "a", "1");
            ledger.submit(NODE, "put", "b", "2");
            List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();

            ledger.subscribe(1, events::add);

            awaitSize(events, 1);
            assertThat(events.get(0).payload()).isEqualTo("b");
        }
    }

    @Test
    void refuses_to_work_after_close() {
        ledger.close();

        assertThatThrownBy(() -> ledger.submit(NODE, "put", "k", "v")).isInstanceOf(LedgerException.class);
    }

    static void awaitSize(List<?> list, int size) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }
}
