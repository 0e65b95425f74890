package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.util.Set;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.NodeKeys;

/** Signing with the node's keys and verifying with a ledger key: the checks every signed message of ours gets. */
final class Signatures {
    /** RFC 8037's name, which every JOSE library reads; RFC 9864's {@code Ed25519} is accepted too. */
    static final JWSAlgorithm SIGNING_ALGORITHM = JWSAlgorithm.EdDSA;
    private static final Set<JWSAlgorithm> ACCEPTED = Set.of(JWSAlgorithm.EdDSA, JWSAlgorithm.Ed25519);

    private Signatures() {
    }

    static SignedJWT sign(JWTClaimsSet claims, JOSEObjectType type, NodeKeys keys) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(SIGNING_ALGORITHM).type(type).build(), claims);
        try {
            jwt.sign(new NodeKeysSigner(keys));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with the node keys failed", e);
        }
        return jwt;
    }

    static SignedJWT parse(String compact) {
        try {
            return SignedJWT.parse(compact);
        } catch (ParseException | RuntimeException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "not a compact JWS");
        }
    }

    /** The claims of {@code jwt} once its algorithm, type and signature check out. */
    static JWTClaimsSet verify(SignedJWT jwt, JOSEObjectType type, String signingKey) {
        JWSHeader header = jwt.getHeader();
        if (!ACCEPTED.contains(header.getAlgorithm())) {
            throw new ExchangeRefusedException(ExchangeRefusal.UNSUPPORTED_ALG, "the JWS is not EdDSA/Ed25519");
        }
        if (!type.equals(header.getType())) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the JWS is not of type " + type);
        }
        if (header.getCriticalParams() != null) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "no critical header parameters are known");
        }
        if (!verifies(jwt, signingKey)) {
            throw new ExchangeRefusedException(ExchangeRefusal.BAD_SIGNATURE, "the signature does not verify");
        }
        try {
            return jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the payload is not a claims set");
        }
    }

    private static boolean verifies(SignedJWT jwt, String signingKey) {
        try {
            return jwt.verify(new Ed25519Verifier(ed25519PublicKey(signingKey)));
        } catch (JOSEException | IllegalStateException e) {
            return false;
        }
    }

    static OctetKeyPair ed25519PublicKey(String base64Url) {
        return new OctetKeyPair.Builder(Curve.Ed25519, new Base64URL(base64Url)).build();
    }

    static OctetKeyPair x25519PublicKey(String base64Url) {
        return new OctetKeyPair.Builder(Curve.X25519, new Base64URL(base64Url)).build();
    }
}
