package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.X25519Decrypter;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jose.jwk.gen.OctetKeyPairGenerator;
import java.util.Objects;

/**
 * The requester's ephemeral X25519 key for one request: its public half goes into the request, its private half
 * opens the answer and is then dropped ({@link #close}), which gives the exchange forward secrecy.
 *
 * <p>Limits of erasure: nimbus keeps the private key as an immutable base64url string and a private byte array
 * that it only hands out as copies, and Tink's X25519 copies it per agreement, so {@link #close} can only drop every
 * reference this class holds and leave the bytes to the garbage collector. Wiping them would need our own
 * {@code ECDHCryptoProvider} over a scalar we own.
 */
public final class ReplyKey implements AutoCloseable {
    private volatile OctetKeyPair pair;

    private ReplyKey(OctetKeyPair pair) {
        if (!Curve.X25519.equals(pair.getCurve()) || !pair.isPrivate()) {
            throw new IllegalArgumentException("a reply key is a private X25519 key");
        }
        this.pair = pair;
    }

    /** A fresh key from Tink's X25519 generator (its own secure random source). */
    public static ReplyKey generate() {
        try {
            return new ReplyKey(new OctetKeyPairGenerator(Curve.X25519).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException("X25519 key generation failed (is Tink on the class path?)", e);
        }
    }

    /** A known key, for known-answer tests. */
    static ReplyKey of(OctetKeyPair pair) {
        return new ReplyKey(Objects.requireNonNull(pair, "pair"));
    }

    /** The public key as the request carries it: base64url of the raw 32 bytes. */
    public String publicKey() {
        return current().getX().toString();
    }

    X25519Decrypter decrypter() {
        try {
            return new X25519Decrypter(current());
        } catch (JOSEException e) {
            throw new IllegalStateException("not an X25519 private key", e);
        }
    }

    public boolean isClosed() {
        return pair == null;
    }

    @Override
    public void close() {
        pair = null;
    }

    private OctetKeyPair current() {
        OctetKeyPair current = pair;
        if (current == null) {
            throw new IllegalStateException("the reply key was closed");
        }
        return current;
    }

    @Override
    public String toString() {
        return "ReplyKey[private key hidden]";
    }
}
