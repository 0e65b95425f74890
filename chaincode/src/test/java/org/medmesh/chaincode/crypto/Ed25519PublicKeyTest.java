package org.medmesh.chaincode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.support.JwsSigner;

class Ed25519PublicKeyTest {

    // RFC 8032 section 7.1, TEST 1 (empty message).
    private static final String RFC_SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String RFC_PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String RFC_SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555"
            + "fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    private static Ed25519PublicKey rfcKey() {
        return Ed25519PublicKey.parse(Base64Url.encode(Hex.decode(RFC_PUBLIC)));
    }

    @Test
    void verifies_rfc_8032_test_1() {
        assertThat(rfcKey().verifies(new byte[0], Hex.decode(RFC_SIGNATURE))).isTrue();
    }

    @Test
    void bouncy_castle_signs_rfc_8032_test_1_to_the_expected_bytes() {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(Hex.decode(RFC_SECRET), 0));
        assertThat(Hex.toHexString(signer.generateSignature())).isEqualTo(RFC_SIGNATURE);
    }

    @Test
    void rejects_every_single_bit_flip_of_the_signature() {
        JwsSigner signer = JwsSigner.generate();
        byte[] message = "medmesh".getBytes(StandardCharsets.UTF_8);
        byte[] signature = signer.signature(message);
        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] tampered = signature.clone();
            tampered[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThat(signer.publicKey().verifies(message, tampered)).as("bit %d", bit).isFalse();
        }
    }

    @Test
    void rejects_a_signature_over_another_message() {
        JwsSigner signer = JwsSigner.generate();
        byte[] signature = signer.signature("a".getBytes(StandardCharsets.UTF_8));
        assertThat(signer.publicKey().verifies("b".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
    }

    @Test
    void rejects_a_signature_of_the_wrong_length() {
        assertThat(rfcKey().verifies(new byte[0], new byte[63])).isFalse();
    }

    @Test
    void refuses_a_key_that_is_not_32_bytes() {
        assertThatThrownBy(() -> Ed25519PublicKey.parse(Base64Url.encode(new byte[31])))
                .isInstanceOf(ChaincodeException.class);
    }
}
