package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.X25519Decrypter;
import com.nimbusds.jose.crypto.X25519Encrypter;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.NodeKeys;

/**
 * Sign-then-encrypt, the DIDComm v2 envelope: a JWS by the holder inside a JWE (ECDH-ES over X25519, A256GCM,
 * {@code cty: JWT}) to the requester's reply key. ECDH-ES is anonymous — anyone can encrypt to a public key — so
 * authenticity comes from the inner signature alone, and every header the JWE may carry beyond ours is refused.
 */
final class Envelopes {
    /** A 64 KiB chunk, base64url twice over, plus headers: anything far longer is refused before parsing. */
    static final int MAX_ENVELOPE_CHARS = 192 * 1024;
    private static final String CONTENT_TYPE = "JWT";

    private Envelopes() {
    }

    static String seal(JWTClaimsSet claims, JOSEObjectType type, NodeKeys signer, String replyKey) {
        SignedJWT inner = Signatures.sign(claims, type, signer);
        JWEHeader header = new JWEHeader.Builder(JWEAlgorithm.ECDH_ES, EncryptionMethod.A256GCM)
                .contentType(CONTENT_TYPE).build();
        JWEObject jwe = new JWEObject(header, new Payload(inner));
        try {
            jwe.encrypt(new X25519Encrypter(Signatures.x25519PublicKey(replyKey)));
        } catch (JOSEException e) {
            throw new IllegalArgumentException("cannot encrypt to this reply key", e);
        }
        return jwe.serialize();
    }

    /** The verified claims inside {@code compactJwe}. */
    static JWTClaimsSet open(String compactJwe, JOSEObjectType type, X25519Decrypter decrypter, String signingKey) {
        JWEObject jwe = parse(compactJwe);
        try {
            jwe.decrypt(decrypter);
        } catch (JOSEException | IllegalStateException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.UNDECRYPTABLE, "the envelope does not decrypt");
        }
        SignedJWT inner = jwe.getPayload().toSignedJWT();
        if (inner == null) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the envelope holds no JWS");
        }
        return Signatures.verify(inner, type, signingKey);
    }

    private static JWEObject parse(String compactJwe) {
        if (compactJwe.length() > MAX_ENVELOPE_CHARS) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the envelope is too long");
        }
        JWEObject jwe;
        try {
            jwe = JWEObject.parse(compactJwe);
        } catch (ParseException | RuntimeException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "not a compact JWE");
        }
        JWEHeader header = jwe.getHeader();
        if (!JWEAlgorithm.ECDH_ES.equals(header.getAlgorithm())
                || !EncryptionMethod.A256GCM.equals(header.getEncryptionMethod())) {
            throw new ExchangeRefusedException(ExchangeRefusal.UNSUPPORTED_ALG, "the JWE is not ECDH-ES/A256GCM");
        }
        if (!CONTENT_TYPE.equals(header.getContentType()) || header.getCompressionAlgorithm() != null
                || header.getCriticalParams() != null) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "unexpected JWE header parameters");
        }
        return jwe;
    }
}
