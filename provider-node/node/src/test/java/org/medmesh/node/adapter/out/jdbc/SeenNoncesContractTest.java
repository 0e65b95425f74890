package org.medmesh.node.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.node.application.port.SeenNonces;

/** What every {@link SeenNonces} must do; each implementation's test extends it. */
abstract class SeenNoncesContractTest {
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final String REQUESTER = "did:medmesh:org:Hospital1MSP";
    static final String NONCE = "n0nce-n0nce-n0nce-42";

    /** The store under test, empty at the start of each test. */
    abstract SeenNonces nonces();

    /** The same store's data, opened anew as after a restart. */
    abstract SeenNonces restarted();

    @Nested
    class Remember {
        @Test
        void reports_a_new_nonce_as_new() {
            assertThat(nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60))).isTrue();
        }

        @Test
        void reports_a_nonce_seen_before_as_seen() {
            nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60));

            assertThat(nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60))).isFalse();
        }

        @Test
        void keeps_nonces_of_requesters_apart() {
            nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60));

            assertThat(nonces().remember("did:medmesh:org:Hospital3MSP", NONCE, NOW.plusSeconds(60))).isTrue();
        }

        @Test
        void still_knows_a_nonce_after_a_restart() {
            nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60));

            assertThat(restarted().remember(REQUESTER, NONCE, NOW.plusSeconds(60))).isFalse();
        }

        @Test
        void lets_exactly_one_of_many_concurrent_calls_through() throws Exception {
            SeenNonces store = nonces();
            int threads = 8;
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService executor = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Boolean>> results = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    Callable<Boolean> call = () -> {
                        start.await();
                        return store.remember(REQUESTER, NONCE, NOW.plusSeconds(60));
                    };
                    results.add(executor.submit(call));
                }
                start.countDown();
                int accepted = 0;
                for (Future<Boolean> result : results) {
                    accepted += result.get() ? 1 : 0;
                }

                assertThat(accepted).isEqualTo(1);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Nested
    class ForgetExpired {
        @Test
        void forgets_nonces_expired_at_or_before_now_and_keeps_the_rest() {
            nonces().remember(REQUESTER, "expired-long-ago-0001", NOW.minusSeconds(60));
            nonces().remember(REQUESTER, "expires-right-now-0001", NOW);
            nonces().remember(REQUESTER, "still-valid-nonce-0001", NOW.plusSeconds(1));

            assertThat(nonces().forgetExpired(NOW)).isEqualTo(2);
            assertThat(nonces().remember(REQUESTER, "still-valid-nonce-0001", NOW.plusSeconds(1))).isFalse();
        }

        @Test
        void makes_a_forgotten_nonce_new_again() {
            nonces().remember(REQUESTER, NONCE, NOW);
            nonces().forgetExpired(NOW);

            assertThat(nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60))).isTrue();
        }

        @Test
        void forgets_nothing_when_nothing_has_expired() {
            nonces().remember(REQUESTER, NONCE, NOW.plusSeconds(60));

            assertThat(nonces().forgetExpired(NOW)).isZero();
        }
    }
}
