package org.medmesh.chaincode.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.Ed25519KeyPairGenerator;
import org.bouncycastle.crypto.params.Ed25519KeyGenerationParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.json.CanonicalJson;

/** An Ed25519 key pair generated per test run (no key is ever committed) that signs compact JWS. */
public final class JwsSigner {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Ed25519PrivateKeyParameters privateKey;

    private JwsSigner(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
    }

    public static JwsSigner generate() {
        Ed25519KeyPairGenerator generator = new Ed25519KeyPairGenerator();
        generator.init(new Ed25519KeyGenerationParameters(RANDOM));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new JwsSigner((Ed25519PrivateKeyParameters) pair.getPrivate());
    }

    public Ed25519PublicKey publicKey() {
        Ed25519PublicKeyParameters pub = privateKey.generatePublicKey();
        return Ed25519PublicKey.parse(Base64Url.encode(pub.getEncoded()));
    }

    public String encodedPublicKey() {
        return publicKey().encoded();
    }

    /** A compact JWS with header {@code {"alg":"EdDSA","kid":kid}}. */
    public String sign(String kid, JsonNode payload) {
        ObjectNode header = CanonicalJson.object();
        header.put("alg", "EdDSA");
        header.put("kid", kid);
        return signRaw(CanonicalJson.write(header), CanonicalJson.write(payload));
    }

    /** Signs exactly the given header and payload texts, for tests of malformed or unusual input. */
    public String signRaw(String headerJson, String payloadJson) {
        String input = b64(headerJson) + "." + b64(payloadJson);
        return input + "." + Base64Url.encode(signature(input.getBytes(StandardCharsets.US_ASCII)));
    }

    public byte[] signature(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    private static String b64(String text) {
        return Base64Url.encode(text.getBytes(StandardCharsets.UTF_8));
    }
}
