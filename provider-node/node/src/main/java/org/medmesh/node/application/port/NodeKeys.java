package org.medmesh.node.application.port;

import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;

/**
 * The node's own organisation keys, as its use cases may use them: the private keys never leave the adapter.
 * JOSE code builds on {@link #sign} (an EdDSA {@code JWSSigner}) and {@link #agree} (the ECDH-ES shared secret Z
 * of an X25519 {@code JWEDecrypter}); the public keys go into JWKs as {@code x}. Thread-safe: a rotation swaps
 * both keys at once.
 */
public interface NodeKeys {

    /** The organisation these keys belong to: {@code did:medmesh:org:<mspId>}. */
    Did organization();

    /** The current public keys. */
    NodePublicKeys publicKeys();

    /** The Ed25519 signature (64 bytes) over exactly {@code message}, with the current signing key. */
    byte[] sign(byte[] message);

    /**
     * The X25519 shared secret (32 bytes) of the current agreement key and a peer's raw 32-byte public key.
     *
     * @throws IllegalArgumentException if the peer key is not 32 bytes or is a low-order point (all-zero secret)
     */
    byte[] agree(byte[] peerPublicKey);
}
