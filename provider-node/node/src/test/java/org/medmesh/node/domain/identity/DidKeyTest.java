package org.medmesh.node.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The did:key method against the W3C CCG specification's test vectors (ed25519-x25519) and malformed input. */
class DidKeyTest {
    /** The specification's first Ed25519 vector, whose key is the public key of the all-zero seed. */
    static final String ED25519_DID = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
    static final String ED25519_X = "O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik";
    static final String X25519_DID = "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW";
    static final String X25519_X = "W_Vcc7guviK-gPNDBmevVw-uJVamQV5rMNQGUwCqlH0";

    @Nested
    class Ed25519 {
        @ParameterizedTest
        @CsvSource({
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp, O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik",
            "did:key:z6MkjchhfUsD6mmvni8mCdXHw216Xrm9bQe2mBH1P5RDjVJG, TLWr9q15-_WrvMr8wmnYXNJlHtS4hbWGnyQa7fCluik",
            "did:key:z6MknGc3ocHs3zdPiJbnaaqDi58NGb4pk1Sp9WxWufuXSdxf, dCK5iHWYBo4yxESKlJrbKQ0PTjW54BsO5fGh5gD-JnQ"})
        void decodes_the_specification_vectors(String did, String x) {
            DidKey key = DidKey.parse(did);

            assertThat(key.type()).isEqualTo(DidKey.KeyType.ED25519);
            assertThat(key.publicKey()).isEqualTo(x);
        }

        @Test
        void encodes_a_key_to_the_same_did() {
            assertThat(DidKey.of(DidKey.KeyType.ED25519, decode(ED25519_X)).value()).isEqualTo(ED25519_DID);
        }

        @Test
        void is_the_public_key_of_the_all_zero_seed() {
            byte[] publicKey = new Ed25519PrivateKeyParameters(new byte[32], 0).generatePublicKey().getEncoded();

            assertThat(DidKey.of(DidKey.KeyType.ED25519, publicKey).value()).isEqualTo(ED25519_DID);
        }

        @Test
        void derives_the_specifications_key_agreement_key() {
            DidKey agreement = DidKey.parse(ED25519_DID).agreementKey().orElseThrow();

            assertThat(agreement.value()).isEqualTo(X25519_DID);
            assertThat(agreement.publicKey()).isEqualTo(X25519_X);
        }

        @Test
        void derives_the_key_agreement_key_of_the_did_method_key_driver_vector() {
            DidKey agreement = DidKey.parse("did:key:z6Mkpw72M9suPCBv48X2Xj4YKZJH9W7wzEK1aS6JioKSo89C")
                    .agreementKey().orElseThrow();

            assertThat(agreement.fingerprint()).isEqualTo("z6LSgxJr5q1pwHPbiK7u8Pw1GvnfMTZSMxkhaorQ1aJYWFz3");
        }

        @Test
        void refuses_a_key_that_is_not_a_curve_point() {
            byte[] notAPoint = new byte[32];
            notAPoint[0] = 2; // y = 2 has no x on edwards25519
            String did = "did:key:z" + Base58.encode(concat(new byte[] {(byte) 0xed, 0x01}, notAPoint));

            assertThatThrownBy(() -> DidKey.parse(did)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a valid curve point");
        }
    }

    @Nested
    class X25519 {
        @Test
        void decodes_the_specification_vector() {
            DidKey key = DidKey.parse(X25519_DID);

            assertThat(key.type()).isEqualTo(DidKey.KeyType.X25519);
            assertThat(key.publicKey()).isEqualTo(X25519_X);
        }

        @Test
        void is_its_own_key_agreement_key() {
            DidKey key = DidKey.parse(X25519_DID);

            assertThat(key.agreementKey()).contains(key);
        }
    }

    @Nested
    class Malformed {
        @ParameterizedTest
        @ValueSource(strings = {"did:key:", "did:key:6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            "did:web:example.com", "did:key:zO2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW",
            "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWpp",
            "did:key:z", "did:key:z1116MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"})
        void refuses_what_is_not_one_ed25519_or_x25519_key(String did) {
            assertThatThrownBy(() -> DidKey.parse(did)).isInstanceOf(IllegalArgumentException.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
            "did:key:zDnaerDaTF5BXEavCrfRZEk316dpbLsfPDZ3WJ5hRTPFU2169"})
        void names_other_key_types_as_unsupported(String did) {
            assertThatThrownBy(() -> DidKey.parse(did)).hasMessageContaining("unsupported did:key key type");
        }

        @Test
        void says_a_short_key_has_the_wrong_length() {
            byte[] shortKey = java.util.Arrays.copyOf(decode(ED25519_X), 31);
            String did = "did:key:z" + Base58.encode(concat(new byte[] {(byte) 0xed, 0x01}, shortKey));

            assertThatThrownBy(() -> DidKey.parse(did)).hasMessageContaining("must be 32 bytes");
        }

        @Test
        void says_what_a_character_outside_base58_is() {
            assertThatThrownBy(() -> DidKey.parse("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooW0"))
                    .hasMessageContaining("'0' is outside the alphabet");
        }
    }

    private static byte[] decode(String base64Url) {
        return Base64.getUrlDecoder().decode(base64Url);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] out = new byte[first.length + second.length];
        System.arraycopy(first, 0, out, 0, first.length);
        System.arraycopy(second, 0, out, first.length, second.length);
        return out;
    }
}
