package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.CompactJws;

class DidAuthResponseTest {

    private static final String CITY = "did:medmesh:org:CityHospitalMSP";
    private static final String CHALLENGE = "n-4f3a9c1e7b2d";
    private static final Instant ISSUED = Instant.parse("2026-03-02T09:30:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final PatientIdentity patient = PatientIdentity.create(new SecureRandom());
    private final String signingKey = patient.publicKeys().signingKey().encoded();
    private final String response = patient.signedChallengeResponse(CITY, CHALLENGE, ISSUED);

    private String verify(String jws, Instant now) {
        return DidAuthResponse.verify(jws, CITY, CHALLENGE, signingKey, now, MAX_AGE);
    }

    @Nested
    class AGoodResponse {

        @Test
        void verifies_to_the_patient_did() {
            assertThat(verify(response, ISSUED.plusSeconds(10))).isEqualTo(patient.did().value());
        }

        @Test
        void names_its_did_before_verification_so_the_node_knows_what_to_resolve() {
            assertThat(DidAuthResponse.claimedDid(response)).isEqualTo(patient.did().value());
        }

        @Test
        void is_accepted_up_to_exactly_its_maximum_age() {
            assertThat(verify(response, ISSUED.plus(MAX_AGE))).isEqualTo(patient.did().value());
        }

        @Test
        void is_accepted_from_a_clock_up_to_sixty_seconds_ahead() {
            assertThat(verify(response, ISSUED.minusSeconds(60))).isEqualTo(patient.did().value());
        }
    }

    @Nested
    class Signature {

        @Test
        void every_flipped_bit_of_the_signature_is_rejected() {
            int dot = response.lastIndexOf('.');
            byte[] signature = Base64Url.decode(response.substring(dot + 1));
            for (int bit = 0; bit < signature.length * 8; bit++) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                String altered = response.substring(0, dot + 1) + Base64Url.encode(flipped);

                assertReason(() -> verify(altered, ISSUED), DidAuthException.Reason.BAD_SIGNATURE);
            }
        }

        @Test
        void an_altered_payload_is_rejected() {
            String[] parts = response.split("\\.");
            String payload = new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8);
            String altered = Base64Url.encode(payload.replace(CHALLENGE, "n-0000000000").getBytes(StandardCharsets.UTF_8));

            assertReason(() -> DidAuthResponse.verify(parts[0] + "." + altered + "." + parts[2], CITY, "n-0000000000",
                    signingKey, ISSUED, MAX_AGE), DidAuthException.Reason.BAD_SIGNATURE);
        }

        @Test
        void another_dids_key_does_not_verify_it() {
            String otherKey = PatientIdentity.create(new SecureRandom()).publicKeys().signingKey().encoded();

            assertReason(() -> DidAuthResponse.verify(response, CITY, CHALLENGE, otherKey, ISSUED, MAX_AGE),
                    DidAuthException.Reason.BAD_SIGNATURE);
        }

        @Test
        void a_kid_other_than_the_dids_signing_key_is_rejected() {
            String byRecoveryKid = JwsSigner.sign(patient.keyRing().signingKey(), patient.did().value() + "#recovery",
                    payloadOf(response));

            assertReason(() -> verify(byRecoveryKid, ISSUED), DidAuthException.Reason.BAD_SIGNATURE);
        }
    }

    @Nested
    class Claims {

        @Test
        void a_response_for_another_hospital_is_rejected() {
            String forRiver = patient.signedChallengeResponse("did:medmesh:org:RiverClinicMSP", CHALLENGE, ISSUED);

            assertReason(() -> verify(forRiver, ISSUED), DidAuthException.Reason.WRONG_AUDIENCE);
        }

        @Test
        void an_answer_to_another_challenge_is_rejected() {
            String other = patient.signedChallengeResponse(CITY, "n-other", ISSUED);

            assertReason(() -> verify(other, ISSUED), DidAuthException.Reason.WRONG_CHALLENGE);
        }

        @Test
        void a_response_older_than_the_maximum_age_is_rejected() {
            assertReason(() -> verify(response, ISSUED.plus(MAX_AGE).plusSeconds(1)), DidAuthException.Reason.TOO_OLD);
        }

        @Test
        void a_response_from_more_than_sixty_seconds_ahead_is_rejected() {
            assertReason(() -> verify(response, ISSUED.minusSeconds(61)), DidAuthException.Reason.FROM_THE_FUTURE);
        }

        @Test
        void another_signed_patient_operation_is_not_a_response() {
            String revoke = patient.signedRevoke("c-" + "0".repeat(64), ISSUED);

            assertReason(() -> verify(revoke, ISSUED), DidAuthException.Reason.MALFORMED);
        }

        @Test
        void a_payload_with_an_extra_field_is_rejected() {
            ObjectNode payload = payloadOf(response).put("admin", true);
            String extra = JwsSigner.sign(patient.keyRing().signingKey(), patient.did().value() + "#sign", payload);

            assertReason(() -> verify(extra, ISSUED), DidAuthException.Reason.MALFORMED);
        }

        @Test
        void text_that_is_not_a_jws_is_rejected() {
            assertReason(() -> verify("not.a-jws", ISSUED), DidAuthException.Reason.MALFORMED);
        }
    }

    @Nested
    class Arguments {

        @Test
        void a_maximum_age_must_be_positive() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> DidAuthResponse.verify(response, CITY, CHALLENGE, signingKey, ISSUED, Duration.ZERO));
        }

        @Test
        void the_signing_key_must_be_an_ed25519_key() {
            assertThatIllegalArgumentException().isThrownBy(
                    () -> DidAuthResponse.verify(response, CITY, CHALLENGE, "AAAA", ISSUED, MAX_AGE));
        }
    }

    /** The payload of a JWS, to re-sign variants of it. */
    private static ObjectNode payloadOf(String jws) {
        return CompactJws.parse(jws).payload().deepCopy();
    }

    private static void assertReason(ThrowingCallable call, DidAuthException.Reason reason) {
        assertThatExceptionOfType(DidAuthException.class).isThrownBy(call).extracting(DidAuthException::reason)
                .isEqualTo(reason);
    }
}
