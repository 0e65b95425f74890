package org.medmesh.node.adapter.out.keys;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.node.domain.identity.NodePublicKeys;

/**
 * One set of the node's private keys. Sealed as 65 bytes: a layout version (1), the 32-byte Ed25519 private key
 * (RFC 8032 seed), the 32-byte X25519 private key (RFC 7748 scalar) — bytes, not text, so that the decrypted copy
 * can be cleared. {@link #toString} shows only the public signing key.
 */
final class NodeKeyPair {
    private static final int LAYOUT = 1;
    private static final int KEY_LENGTH = 32;
    static final int ENCODED_LENGTH = 1 + 2 * KEY_LENGTH;

    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters agreement;
    private final NodePublicKeys publicKeys;

    private NodeKeyPair(Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters agreement) {
        this.signing = signing;
        this.agreement = agreement;
        this.publicKeys = new NodePublicKeys(Base64Url.encode(signing.generatePublicKey().getEncoded()),
                Base64Url.encode(agreement.generatePublicKey().getEncoded()));
    }

    static NodeKeyPair generate(SecureRandom random) {
        return new NodeKeyPair(new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random));
    }

    /** The keys of a sealed file's plaintext; throws IllegalArgumentException if it is not that layout. */
    static NodeKeyPair decode(byte[] plaintext) {
        if (plaintext.length != ENCODED_LENGTH || plaintext[0] != LAYOUT) {
            throw new IllegalArgumentException("not a node key set");
        }
        return new NodeKeyPair(new Ed25519PrivateKeyParameters(plaintext, 1),
                new X25519PrivateKeyParameters(plaintext, 1 + KEY_LENGTH));
    }

    /** The plaintext to seal; the caller clears it. */
    byte[] encode() {
        byte[] out = new byte[ENCODED_LENGTH];
        out[0] = LAYOUT;
        signing.encode(out, 1);
        agreement.encode(out, 1 + KEY_LENGTH);
        return out;
    }

    NodePublicKeys publicKeys() {
        return publicKeys;
    }

    byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, signing);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    byte[] agree(byte[] peerPublicKey) {
        if (peerPublicKey.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an X25519 public key is 32 bytes");
        }
        X25519Agreement agreement = new X25519Agreement();
        agreement.init(this.agreement);
        byte[] secret = new byte[agreement.getAgreementSize()];
        try {
            agreement.calculateAgreement(new X25519PublicKeyParameters(peerPublicKey, 0), secret, 0);
        } catch (IllegalStateException e) {
            // Bouncy Castle refuses an all-zero result: the peer sent a low-order point.
            Arrays.fill(secret, (byte) 0);
            throw new IllegalArgumentException("the peer's X25519 key is a low-order point");
        }
        return secret;
    }

    @Override
    public String toString() {
        return "NodeKeyPair[signingKey=" + publicKeys.signingKey() + ", private keys hidden]";
    }
}
