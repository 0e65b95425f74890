package org.medmesh.chaincode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.support.JwsSigner;

class CompactJwsTest {

    private static final String KID = "did:medmesh:abc#sign";
    private static final String PAYLOAD = "{\"op\":\"create\"}";
    private final JwsSigner signer = JwsSigner.generate();

    private void assertRefused(String compact) {
        assertThatThrownBy(() -> CompactJws.parse(compact)).isInstanceOf(ChaincodeException.class);
    }

    @Test
    void verifies_a_jws_signed_by_the_key() {
        CompactJws jws = CompactJws.parse(signer.sign(KID, CanonicalJson.parse(PAYLOAD)));
        assertThat(jws.verifiedBy(signer.publicKey())).isTrue();
    }

    @Test
    void exposes_the_kid_and_payload() {
        CompactJws jws = CompactJws.parse(signer.sign(KID, CanonicalJson.parse(PAYLOAD)));
        assertThat(jws.kid()).isEqualTo(new KeyId("did:medmesh:abc", "sign"));
        assertThat(jws.payload().get("op").textValue()).isEqualTo("create");
    }

    @Test
    void does_not_verify_with_another_key() {
        CompactJws jws = CompactJws.parse(signer.sign(KID, CanonicalJson.parse(PAYLOAD)));
        assertThat(jws.verifiedBy(JwsSigner.generate().publicKey())).isFalse();
    }

    @Test
    void does_not_verify_a_payload_swapped_under_the_signature() {
        String[] original = signer.sign(KID, CanonicalJson.parse(PAYLOAD)).split("\\.");
        String[] other = signer.sign(KID, CanonicalJson.parse("{\"op\":\"rotate\"}")).split("\\.");
        CompactJws swapped = CompactJws.parse(original[0] + "." + other[1] + "." + original[2]);
        assertThat(swapped.verifiedBy(signer.publicKey())).isFalse();
    }

    @Test
    void accepts_alg_ed25519() {
        String compact = signer.signRaw("{\"alg\":\"Ed25519\",\"kid\":\"" + KID + "\"}", PAYLOAD);
        assertThat(CompactJws.parse(compact).verifiedBy(signer.publicKey())).isTrue();
    }

    @Test
    void refuses_alg_none() {
        assertRefused(signer.signRaw("{\"alg\":\"none\",\"kid\":\"" + KID + "\"}", PAYLOAD));
    }

    @Test
    void refuses_a_crit_header() {
        assertRefused(signer.signRaw("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\",\"crit\":[\"b64\"],\"b64\":false}",
                PAYLOAD));
    }

    @Test
    void refuses_a_header_without_kid() {
        assertRefused(signer.signRaw("{\"alg\":\"EdDSA\"}", PAYLOAD));
    }

    @Test
    void refuses_a_kid_without_fragment() {
        assertRefused(signer.signRaw("{\"alg\":\"EdDSA\",\"kid\":\"did:medmesh:abc\"}", PAYLOAD));
    }

    @Test
    void refuses_a_payload_with_duplicate_keys() {
        assertRefused(signer.signRaw("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\"}", "{\"a\":1,\"a\":2}"));
    }

    @Test
    void refuses_a_payload_that_is_not_an_object() {
        assertRefused(signer.signRaw("{\"alg\":\"EdDSA\",\"kid\":\"" + KID + "\"}", "[1]"));
    }

    @Test
    void refuses_two_segments() {
        assertRefused("eyJhbGciOiJFZERTQSJ9.e30");
    }

    @Test
    void refuses_a_short_signature() {
        String compact = signer.sign(KID, CanonicalJson.parse(PAYLOAD));
        assertRefused(compact.substring(0, compact.lastIndexOf('.') + 1) + Base64Url.encode(new byte[63]));
    }
}
