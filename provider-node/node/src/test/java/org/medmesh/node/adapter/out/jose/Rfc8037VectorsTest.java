package org.medmesh.node.adapter.out.jose;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.Ed25519Signer;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.crypto.impl.ECDH;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import java.util.HexFormat;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 8037 Appendix A known answers, through nimbus/Tink and through our NodeKeys-backed signer. */
class Rfc8037VectorsTest {
    private static final HexFormat HEX = HexFormat.of();

    // A.1 / A.2: the Ed25519 private and public key
    private static final String ED_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String ED_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    // A.4 / A.5: the JWS of "Example of Ed25519 signing" with {"alg":"EdDSA"}
    private static final String PAYLOAD = "Example of Ed25519 signing";
    private static final String A4_JWS = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc."
            + "hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
    // A.6: ECDH-ES with X25519 (the RFC 7748 section 6.1 keys)
    private static final String BOB_SECRET_HEX = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";
    private static final String BOB_X = "3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08";
    private static final String EPHEMERAL_D = "dwdtCnMYpX08FsFyUbJmRd9ML4frwJkqsXf7pR25LCo";
    private static final String EPHEMERAL_X = "hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo";
    private static final String SHARED_Z_HEX = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742";

    private static OctetKeyPair edKey() {
        return new OctetKeyPair.Builder(Curve.Ed25519, new Base64URL(ED_X)).d(new Base64URL(ED_D)).build();
    }

    @Nested
    class Ed25519Key {
        @Test
        void the_a1_private_key_yields_the_a2_public_key() {
            byte[] seed = new Base64URL(ED_D).decode();

            byte[] publicKey = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();

            assertThat(Base64URL.encode(publicKey).toString()).isEqualTo(ED_X);
        }

        @Test
        void the_a2_public_key_is_what_node_keys_with_the_a1_seed_publish() {
            FixedNodeKeys keys = FixedNodeKeys.fromSeed("rfc", new Base64URL(ED_D).decode());

            assertThat(keys.signingKey()).isEqualTo(ED_X);
        }
    }

    @Nested
    class EdDsaJws {
        @Test
        void the_a4_serialization_verifies_with_the_a2_public_key() throws Exception {
            JWSObject jws = JWSObject.parse(A4_JWS);

            assertThat(jws.verify(new Ed25519Verifier(Signatures.ed25519PublicKey(ED_X)))).isTrue();
            assertThat(jws.getPayload().toString()).isEqualTo(PAYLOAD);
        }

        @Test
        void signing_the_a4_payload_through_node_keys_gives_the_a4_serialization() throws Exception {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload(PAYLOAD));

            jws.sign(new NodeKeysSigner(FixedNodeKeys.fromSeed("rfc", new Base64URL(ED_D).decode())));

            assertThat(jws.serialize()).isEqualTo(A4_JWS);
        }

        @Test
        void signing_the_a4_payload_with_nimbus_gives_the_a4_serialization() throws Exception {
            JWSObject jws = new JWSObject(new JWSHeader(JWSAlgorithm.EdDSA), new Payload(PAYLOAD));

            jws.sign(new Ed25519Signer(edKey()));

            assertThat(jws.serialize()).isEqualTo(A4_JWS);
        }

        @Test
        void the_a4_signature_does_not_verify_with_another_payload() throws Exception {
            String[] parts = A4_JWS.split("\\.");
            String other = parts[0] + "." + Base64URL.encode(PAYLOAD + "!") + "." + parts[2];

            assertThat(JWSObject.parse(other).verify(new Ed25519Verifier(Signatures.ed25519PublicKey(ED_X))))
                    .isFalse();
        }
    }

    @Nested
    class EcdhEsX25519 {
        private final OctetKeyPair bob = new OctetKeyPair.Builder(Curve.X25519, new Base64URL(BOB_X))
                .d(Base64URL.encode(HEX.parseHex(BOB_SECRET_HEX))).build();
        private final OctetKeyPair ephemeral = new OctetKeyPair.Builder(Curve.X25519, new Base64URL(EPHEMERAL_X))
                .d(new Base64URL(EPHEMERAL_D)).build();

        @Test
        void the_sender_derives_the_a6_shared_secret() throws Exception {
            byte[] z = ECDH.deriveSharedSecret(Signatures.x25519PublicKey(BOB_X), ephemeral).getEncoded();

            assertThat(HEX.formatHex(z)).isEqualTo(SHARED_Z_HEX);
        }

        @Test
        void the_recipient_derives_the_same_secret_from_the_a6_epk() throws Exception {
            byte[] z = ECDH.deriveSharedSecret(Signatures.x25519PublicKey(EPHEMERAL_X), bob).getEncoded();

            assertThat(HEX.formatHex(z)).isEqualTo(SHARED_Z_HEX);
        }

        @Test
        void bouncy_castle_as_oracle_agrees_on_the_a6_shared_secret() {
            org.bouncycastle.crypto.agreement.X25519Agreement agreement =
                    new org.bouncycastle.crypto.agreement.X25519Agreement();
            agreement.init(new org.bouncycastle.crypto.params.X25519PrivateKeyParameters(
                    HEX.parseHex(BOB_SECRET_HEX), 0));
            byte[] z = new byte[32];

            agreement.calculateAgreement(new org.bouncycastle.crypto.params.X25519PublicKeyParameters(
                    new Base64URL(EPHEMERAL_X).decode(), 0), z, 0);

            assertThat(HEX.formatHex(z)).isEqualTo(SHARED_Z_HEX);
        }

        @Test
        void an_envelope_sealed_to_the_a6_recipient_key_opens_with_its_private_key() {
            FixedNodeKeys holder = FixedNodeKeys.generate("holder");
            com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder().claim("rid", "x")
                    .build();

            String envelope = Envelopes.seal(claims, StreamClaims.CHUNK, holder, BOB_X);

            assertThat(Envelopes.open(envelope, StreamClaims.CHUNK, ReplyKey.of(bob).decrypter(),
                    holder.signingKey()).getClaim("rid")).isEqualTo("x");
        }
    }
}
