package org.medmesh.chaincode.crypto;

import static org.medmesh.chaincode.error.Refusals.require;

/**
 * A raw 32-byte X25519 public key. The chaincode never computes with it (key agreement happens between nodes),
 * so only its length is checked.
 *
 * @param encoded unpadded base64url of the 32 key bytes
 */
public record X25519PublicKey(String encoded) {

    public static final int LENGTH = 32;

    public X25519PublicKey {
        require(Base64Url.decode(encoded).length == LENGTH, "X25519 key must be 32 bytes");
    }

    public static X25519PublicKey parse(String encoded) {
        return new X25519PublicKey(encoded);
    }
}
