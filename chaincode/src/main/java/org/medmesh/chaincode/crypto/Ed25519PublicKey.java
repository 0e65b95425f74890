package org.medmesh.chaincode.crypto;

import static org.medmesh.chaincode.error.Refusals.malformed;
import static org.medmesh.chaincode.error.Refusals.require;

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

    public Ed25519PublicKey {
        byte[] raw = Base64Url.decode(encoded);
        require(raw.length == LENGTH, "Ed25519 key must be 32 bytes");
        parameters(raw);
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
        verifier.init(false, parameters(Base64Url.decode(encoded)));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
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
