package org.medmesh.patient.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.json.CanonicalJson;

/** Compact JWS (RFC 7515) with EdDSA over Ed25519: the exact bytes the chaincode verifies. */
final class JwsSigner {
    private JwsSigner() {}

    static String sign(Ed25519PrivateKeyParameters key, String kid, JsonNode payload) {
        ObjectNode header = CanonicalJson.object();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        String input = encode(CanonicalJson.write(header)) + "." + encode(CanonicalJson.write(payload));
        byte[] message = input.getBytes(StandardCharsets.US_ASCII);
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return input + "." + Base64Url.encode(signer.generateSignature());
    }

    private static String encode(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }
}
