package org.medmesh.node.adapter.out.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.application.port.PatientLinks;
import org.medmesh.node.application.port.SeenNonces;
import org.medmesh.node.domain.exchange.EmergencyAccess;

/**
 * What the node's state store must do for the exchange — nonces ({@link SeenNonces}), patient links, break-glass
 * reasons — on each database; each database's test extends it.
 */
abstract class NodeStateContractTest {
    static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    static final String REQUESTER = "did:medmesh:org:Hospital1MSP";
    static final String NONCE = "n0nce-n0nce-n0nce-42";

    private JdbcNodeState state;

    /** Opens the store on this database, empty at the start of each test and holding its data when opened again. */
    abstract JdbcNodeState open();

    /** The store under test, opened on first use. */
    final JdbcNodeState nonces() {
        if (state == null) {
            state = open();
        }
        return state;
    }

    /** The same store's data, opened anew as after a restart. */
    final JdbcNodeState restarted() {
        nonces().close();
        state = null;
        return nonces();
    }

    /** Closes the store if open (again after each test; a subclass may close it first, e.g. to drop its schema). */
    @AfterEach
    void closeStore() {
        if (state != null) {
            state.close();
            state = null;
        }
    }

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

    @Nested
    class Links {
        private final Did city = Did.forOrganization("CityHospitalMSP");
        private final Did county = Did.forOrganization("CountyHospitalMSP");
        private final Did atCity = Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY");
        private final Did atCityAgain = Did.parse("did:medmesh:8Jr3mYcR1nSu5WoMq4tXaZ");
        private final Did atCounty = Did.parse("did:medmesh:9Ks4nZdS2oTv6XpNr5uYbA");

        @Test
        void keeps_one_did_per_holder_and_a_new_link_replaces_the_old_one_also_after_a_restart() {
            nonces().link("p-1", city, atCity, NOW);
            nonces().link("p-1", county, atCounty, NOW);
            nonces().link("p-1", city, atCityAgain, NOW.plusSeconds(5));
            nonces().link("p-2", city, atCity, NOW);

            assertThat(restarted().linksOf("p-1")).containsExactly(
                    new PatientLinks.Link("p-1", city, atCityAgain, NOW.plusSeconds(5)),
                    new PatientLinks.Link("p-1", county, atCounty, NOW));
            assertThat(nonces().linksOf("p-3")).isEmpty();
        }
    }

    @Nested
    class BreakGlassReasons {
        @Test
        void keeps_the_clinicians_words_once_per_access_event() {
            EmergencyAccess emergency = new EmergencyAccess("UNCONSCIOUS", "found unconscious", NOW);
            Did requester = Did.forOrganization("StMarysHospitalMSP");
            Did patient = Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY");

            nonces().keep("event-1", requester, patient, emergency, NOW);

            assertThatThrownBy(() -> nonces().keep("event-1", requester, patient, emergency, NOW))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
