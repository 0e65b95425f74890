package org.medmesh.node.application.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.ledger.embedded.ContractChaincode;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.OrgCa;
import org.medmesh.node.adapter.out.jdbc.JdbcNodeState;
import org.medmesh.node.adapter.out.jose.ExchangeRequestCodec;
import org.medmesh.node.adapter.out.jose.FixedNodeKeys;
import org.medmesh.node.adapter.out.jose.JwsExchangeRequests;
import org.medmesh.node.adapter.out.jose.ReplyKey;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/**
 * Hospital 2 (the holder) verifies Hospital 1's requests: DIDs on the real embedded ledger, nonces in an H2 file
 * that a "restart" opens anew.
 */
class VerifyExchangeRequestTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final OrgCa HOSPITAL1 = OrgCa.generate("Hospital1MSP");
    private static final OrgCa HOSPITAL2 = OrgCa.generate("Hospital2MSP");
    private static final URI ENDPOINT = URI.create("https://node.hospital1.example");
    private static final Did PATIENT = Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY");

    private final EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(ContractChaincode.fromClasspath())
            .trust(HOSPITAL1).trust(HOSPITAL2).build();
    private final LedgerClient requesterLedger = new EmbeddedLedgerClient(ledger, HOSPITAL1.issue("node"));
    private final LedgerClient holderLedger = new EmbeddedLedgerClient(ledger, HOSPITAL2.issue("node"));
    private final FixedNodeKeys requester = FixedNodeKeys.generate("Hospital1MSP");
    private final FixedNodeKeys holder = FixedNodeKeys.generate("Hospital2MSP");
    private final String replyKey = ReplyKey.generate().publicKey();
    private final DidResolver dids = DidResolver.open(holderLedger, 100, Duration.ofMinutes(10), Clock.systemUTC());

    @TempDir
    Path dir;

    private JdbcNodeState state;
    private VerifyExchangeRequest verify;

    @BeforeEach
    void start() {
        requesterLedger.registerOrganization(requester.publicKeys().registration("Hospital1MSP", ENDPOINT));
        startHolder();
    }

    @AfterEach
    void stop() {
        state.close();
        dids.close();
        ledger.close();
    }

    private void startHolder() {
        state = JdbcNodeState.open("jdbc:h2:file:" + dir.resolve("node-state"), "sa", "");
        verify = new VerifyExchangeRequest(new JwsExchangeRequests(), dids, holder, state, CLOCK);
    }

    private void restartHolder() {
        state.close();
        startHolder();
    }

    private ExchangeRequest request(Did audience, Instant issuedAt, Instant expiresAt, String nonce) {
        return new ExchangeRequest(requester.organization(), audience, PATIENT, "TREAT", List.of("Observation"),
                issuedAt, expiresAt, nonce, replyKey);
    }

    private ExchangeRequest request() {
        return request(holder.organization(), NOW, NOW.plusSeconds(120), "n0nce-n0nce-n0nce-42");
    }

    private static void assertRefused(ThrowingCallable call, ExchangeRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class Accepts {
        @Test
        void a_request_signed_with_the_requesters_registered_key() {
            String jws = ExchangeRequestCodec.sign(request(), requester);

            assertThat(verify.verify(jws)).isEqualTo(request());
        }

        @Test
        void a_genuine_request_whose_nonce_a_forged_one_used_first() {
            String forged = ExchangeRequestCodec.sign(request(), FixedNodeKeys.generate("Hospital1MSP"));
            assertRefused(() -> verify.verify(forged), ExchangeRefusal.BAD_SIGNATURE);

            assertThat(verify.verify(ExchangeRequestCodec.sign(request(), requester))).isEqualTo(request());
        }

        @Test
        void exactly_one_of_two_concurrent_identical_requests() throws Exception {
            String jws = ExchangeRequestCodec.sign(request(), requester);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService executor = Executors.newFixedThreadPool(2);
            try {
                List<Future<ExchangeRefusal>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    Callable<ExchangeRefusal> call = () -> {
                        start.await();
                        try {
                            verify.verify(jws);
                            return null;
                        } catch (ExchangeRefusedException e) {
                            return e.reason();
                        }
                    };
                    outcomes.add(executor.submit(call));
                }
                start.countDown();
                List<ExchangeRefusal> refusals = new ArrayList<>();
                for (Future<ExchangeRefusal> outcome : outcomes) {
                    refusals.add(outcome.get());
                }

                assertThat(refusals).containsExactlyInAnyOrder(null, ExchangeRefusal.REPLAYED);
            } finally {
                executor.shutdownNow();
            }
        }
    }

    @Nested
    class Refuses {
        @Test
        void a_replay() {
            String jws = ExchangeRequestCodec.sign(request(), requester);
            verify.verify(jws);

            assertRefused(() -> verify.verify(jws), ExchangeRefusal.REPLAYED);
        }

        @Test
        void a_replay_after_a_restart() {
            String jws = ExchangeRequestCodec.sign(request(), requester);
            verify.verify(jws);

            restartHolder();

            assertRefused(() -> verify.verify(jws), ExchangeRefusal.REPLAYED);
        }

        @Test
        void another_request_that_reuses_an_accepted_nonce() {
            verify.verify(ExchangeRequestCodec.sign(request(), requester));
            ExchangeRequest again = request(holder.organization(), NOW.plusSeconds(1), NOW.plusSeconds(121),
                    "n0nce-n0nce-n0nce-42");

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(again, requester)), ExchangeRefusal.REPLAYED);
        }

        @Test
        void a_request_for_another_node() {
            ExchangeRequest elsewhere = request(Did.forOrganization("Hospital3MSP"), NOW, NOW.plusSeconds(120),
                    "n0nce-n0nce-n0nce-42");

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(elsewhere, requester)),
                    ExchangeRefusal.WRONG_AUDIENCE);
        }

        @Test
        void an_expired_request() {
            ExchangeRequest expired = request(holder.organization(), NOW.minusSeconds(300), NOW.minusSeconds(61),
                    "n0nce-n0nce-n0nce-42");

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(expired, requester)),
                    ExchangeRefusal.EXPIRED);
        }

        @Test
        void a_request_valid_for_longer_than_five_minutes() {
            ExchangeRequest tooLong = request(holder.organization(), NOW, NOW.plusSeconds(301),
                    "n0nce-n0nce-n0nce-42");

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(tooLong, requester)),
                    ExchangeRefusal.LIFETIME_TOO_LONG);
        }

        @Test
        void a_requester_without_a_did_on_the_ledger() {
            FixedNodeKeys stranger = FixedNodeKeys.generate("Hospital3MSP");
            ExchangeRequest request = new ExchangeRequest(stranger.organization(), holder.organization(), PATIENT,
                    "TREAT", List.of("Observation"), NOW, NOW.plusSeconds(120), "n0nce-n0nce-n0nce-42", replyKey);

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(request, stranger)),
                    ExchangeRefusal.UNKNOWN_REQUESTER);
        }

        @Test
        void a_signature_by_a_key_other_than_the_requesters_registered_one() {
            FixedNodeKeys impostor = FixedNodeKeys.generate("Hospital1MSP");

            assertRefused(() -> verify.verify(ExchangeRequestCodec.sign(request(), impostor)),
                    ExchangeRefusal.BAD_SIGNATURE);
        }

        @Test
        void something_that_is_not_a_request() {
            assertRefused(() -> verify.verify("not.a.jws"), ExchangeRefusal.MALFORMED);
        }
    }
}
