package org.medmesh.node.adapter.out.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.util.Base64URL;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

class ExchangeRequestCodecTest {
    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Did HOLDER = Did.forOrganization("HolderMSP");

    private final FixedNodeKeys requester = FixedNodeKeys.generate("RequesterMSP");
    private final ReplyKey replyKey = ReplyKey.generate();

    private ExchangeRequest request(Instant issuedAt, Instant expiresAt) {
        return new ExchangeRequest(requester.organization(), HOLDER, Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY"),
                "TREAT", List.of("Observation", "Condition"), issuedAt, expiresAt, "n0nce-n0nce-n0nce-42",
                replyKey.publicKey());
    }

    private ExchangeRequest request() {
        return request(NOW, NOW.plusSeconds(120));
    }

    private ExchangeRequest verify(String jws) {
        return ExchangeRequestCodec.verify(jws, requester.signingKey(), HOLDER, CLOCK, MAX_LIFETIME);
    }

    private static void assertRefused(ThrowingCallable call, ExchangeRefusal reason) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ExchangeRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }

    @Nested
    class Sign {
        @Test
        void round_trips_every_field() {
            String jws = ExchangeRequestCodec.sign(request(), requester);

            assertThat(verify(jws)).isEqualTo(request());
        }

        @Test
        void round_trips_a_break_glass_declaration_and_requests_for_everything_the_consent_permits() {
            ExchangeRequest emergency = new ExchangeRequest(requester.organization(), HOLDER,
                    Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY"), "ETREAT", List.of(), NOW, NOW.plusSeconds(120),
                    "n0nce-n0nce-n0nce-43", replyKey.publicKey(), new EmergencyAccess("UNCONSCIOUS",
                            "found unconscious", NOW.minusSeconds(30)));

            assertThat(verify(ExchangeRequestCodec.sign(emergency, requester))).isEqualTo(emergency);
        }

        @Test
        void refuses_a_reply_key_no_one_can_encrypt_to() {
            ExchangeRequest lowOrder = new ExchangeRequest(requester.organization(), HOLDER,
                    Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY"), "TREAT", List.of(), NOW, NOW.plusSeconds(120),
                    "n0nce-n0nce-n0nce-45", "A".repeat(43));

            assertRefused(() -> verify(ExchangeRequestCodec.sign(lowOrder, requester)), ExchangeRefusal.MALFORMED);
        }

        @Test
        void a_break_glass_request_has_the_emergency_purpose() {
            assertThatThrownBy(() -> new ExchangeRequest(requester.organization(), HOLDER,
                    Did.parse("did:medmesh:7Hq2kXbQ9mRt4VnLp3sWzY"), "TREAT", List.of(), NOW, NOW.plusSeconds(120),
                    "n0nce-n0nce-n0nce-44", replyKey.publicKey(), new EmergencyAccess("OTHER", "why", NOW)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new EmergencyAccess("BORED", "why", NOW))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new EmergencyAccess("OTHER", " ", NOW))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void writes_an_eddsa_header_with_the_request_type() throws Exception {
            JWSHeader header = SignedJWT.parse(ExchangeRequestCodec.sign(request(), requester)).getHeader();

            assertThat(header.getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
            assertThat(header.getType().getType()).isEqualTo("medmesh-exchange-request+jwt");
        }

        @Test
        void carries_the_reply_key_as_a_public_x25519_jwk() throws Exception {
            JWTClaimsSet claims = SignedJWT.parse(ExchangeRequestCodec.sign(request(), requester)).getJWTClaimsSet();

            assertThat(claims.getJSONObjectClaim("reply_key")).containsOnlyKeys("kty", "crv", "x")
                    .containsEntry("crv", "X25519").containsEntry("x", replyKey.publicKey());
        }

        @Test
        void refuses_to_sign_another_organisations_request() {
            FixedNodeKeys other = FixedNodeKeys.generate("OtherMSP");

            assertThatThrownBy(() -> ExchangeRequestCodec.sign(request(), other))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void names_the_claimed_requester_before_verification() {
            assertThat(ExchangeRequestCodec.claimedRequester(ExchangeRequestCodec.sign(request(), requester)))
                    .isEqualTo(requester.organization());
        }

        @Test
        void derives_a_request_id_from_the_whole_jws() {
            String jws = ExchangeRequestCodec.sign(request(), requester);

            assertThat(ExchangeRequestCodec.requestId(jws)).hasSize(43)
                    .isEqualTo(ExchangeRequestCodec.requestId(jws))
                    .isNotEqualTo(ExchangeRequestCodec.requestId(jws + "x"));
        }
    }

    @Nested
    class Verify {
        @Test
        void accepts_the_fully_specified_ed25519_alg_name() {
            String jws = resign(JWSAlgorithm.Ed25519, claims(request()));

            assertThat(verify(jws)).isEqualTo(request());
        }

        @Test
        void accepts_a_clock_within_the_allowed_skew() {
            String jws = ExchangeRequestCodec.sign(request(NOW.plusSeconds(50), NOW.plusSeconds(170)), requester);

            assertThat(verify(jws).nonce()).isEqualTo("n0nce-n0nce-n0nce-42");
        }

        @Test
        void refuses_every_single_bit_flip_of_the_signature() {
            String[] parts = ExchangeRequestCodec.sign(request(), requester).split("\\.");
            byte[] signature = new Base64URL(parts[2]).decode();
            for (int bit = 0; bit < signature.length * 8; bit++) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String tampered = parts[0] + "." + parts[1] + "." + Base64URL.encode(flipped);

                assertRefused(() -> verify(tampered), ExchangeRefusal.BAD_SIGNATURE);
            }
        }

        @Test
        void refuses_a_request_signed_by_another_key() {
            String jws = ExchangeRequestCodec.sign(request(), requester);
            String otherKey = FixedNodeKeys.generate("RequesterMSP").signingKey();

            assertRefused(() -> ExchangeRequestCodec.verify(jws, otherKey, HOLDER, CLOCK, MAX_LIFETIME),
                    ExchangeRefusal.BAD_SIGNATURE);
        }

        @Test
        void refuses_a_request_for_another_node() {
            String jws = ExchangeRequestCodec.sign(request(), requester);

            assertRefused(() -> ExchangeRequestCodec.verify(jws, requester.signingKey(),
                    Did.forOrganization("ThirdMSP"), CLOCK, MAX_LIFETIME), ExchangeRefusal.WRONG_AUDIENCE);
        }

        @Test
        void refuses_an_expired_request() {
            String jws = ExchangeRequestCodec.sign(request(NOW.minusSeconds(300), NOW.minusSeconds(61)), requester);

            assertRefused(() -> verify(jws), ExchangeRefusal.EXPIRED);
        }

        @Test
        void refuses_a_request_issued_in_the_future() {
            String jws = ExchangeRequestCodec.sign(request(NOW.plusSeconds(61), NOW.plusSeconds(120)), requester);

            assertRefused(() -> verify(jws), ExchangeRefusal.NOT_YET_VALID);
        }

        @Test
        void refuses_a_request_valid_for_longer_than_allowed() {
            String jws = ExchangeRequestCodec.sign(request(NOW, NOW.plus(MAX_LIFETIME).plusSeconds(1)), requester);

            assertRefused(() -> verify(jws), ExchangeRefusal.LIFETIME_TOO_LONG);
        }

        @Test
        void refuses_an_hmac_signed_request() throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256)
                    .type(ExchangeRequestCodec.TYPE).build(), claims(request()));
            jwt.sign(new MACSigner(new byte[32]));

            assertRefused(() -> verify(jwt.serialize()), ExchangeRefusal.UNSUPPORTED_ALG);
        }

        @Test
        void refuses_an_unsigned_request() {
            String unsigned = Base64URL.encode("{\"alg\":\"none\"}") + "." + Base64URL.encode("{}") + ".";

            assertRefused(() -> verify(unsigned), ExchangeRefusal.MALFORMED);
        }

        @Test
        void refuses_text_that_is_not_a_jws() {
            assertRefused(() -> verify("not-a-jws"), ExchangeRefusal.MALFORMED);
        }

        @Test
        void refuses_a_signed_token_of_another_type() throws Exception {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.EdDSA).type(StreamClaims.CHUNK).build(),
                    claims(request()));
            jwt.sign(new NodeKeysSigner(requester));

            assertRefused(() -> verify(jwt.serialize()), ExchangeRefusal.MALFORMED);
        }

        @Test
        void refuses_a_request_without_a_reply_key() {
            JWTClaimsSet claims = new JWTClaimsSet.Builder(claims(request())).claim("reply_key", null).build();

            assertRefused(() -> verify(resign(JWSAlgorithm.EdDSA, claims)), ExchangeRefusal.MALFORMED);
        }

        private JWTClaimsSet claims(ExchangeRequest request) {
            try {
                return SignedJWT.parse(ExchangeRequestCodec.sign(request, requester)).getJWTClaimsSet();
            } catch (java.text.ParseException e) {
                throw new AssertionError(e);
            }
        }

        private String resign(JWSAlgorithm alg, JWTClaimsSet claims) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(ExchangeRequestCodec.TYPE).build(), claims);
            try {
                jwt.sign(new NodeKeysSigner(requester));
            } catch (com.nimbusds.jose.JOSEException e) {
                throw new AssertionError(e);
            }
            return jwt.serialize();
        }
    }
}
