package org.medmesh.chaincode.crypto;


import static org.medmesh.chaincode.error.Refusals.malformed;
import static org.medmesh.chaincode.error.Refusals.require;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * A raw 32-byte Ed25519 public key, kept in its base64url spelling (records must not hold arrays).
 *
 * @param encoded unpadded base64url of the 32 key bytes
 */
public record Ed25519PublicKey(String encoded) {

    public static final int LENGTH = 32;
    public static final int SIGNATURE_LENGTH = 64;

    /**
     * Decoded keys by spelling. Decoding checks the point is on the curve, which costs a good part of a
     * verification; a DID's keys are decoded on every transaction that reads its document. A pure function's
     * cache: every endorser computes the same results with or without it.
     */
    private static final Map<String, Ed25519PublicKeyParameters> DECODED =
            Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Ed25519PublicKeyParameters> eldest) {
                    return size() > 10_000;
                }
            });

    public Ed25519PublicKey {
        decoded(encoded);
    }

    public static Ed25519PublicKey parse(String encoded) {
        return new Ed25519PublicKey(encoded);
    }

    /** True when {@code signature} is this key's Ed25519 signature over exactly {@code message}. */
    public boolean verifies(byte[] message, byte[] signature) {
        if (signature.length != SIGNATURE_LENGTH) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, decoded(encoded));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    private static Ed25519PublicKeyParameters decoded(String encoded) {
        Ed25519PublicKeyParameters cached = DECODED.get(encoded);
        if (cached != null) {
            return cached;
        }
        byte[] raw = Base64Url.decode(encoded);
        require(raw.length == LENGTH, "Ed25519 key must be 32 bytes");
        Ed25519PublicKeyParameters parameters = parameters(raw);
        DECODED.put(encoded, parameters);
        return parameters;
    }

    private static Ed25519PublicKeyParameters parameters(byte[] raw) {
        try {
            return new Ed25519PublicKeyParameters(raw, 0);
        } catch (IllegalArgumentException e) {
            // Bouncy Castle rejects encodings that are not a point on the curve.
            throw malformed("Ed25519 key is not a valid curve point");
        }
    }
}
