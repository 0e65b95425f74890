package org.medmesh.ledger.embedded;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Bouncy Castle as an explicit provider (not installed process-wide). On Java 17 its ECDSA and Ed25519 are
 * several times faster than the JDK's, and every proposal and block is signed and checked.
 */
final class Providers {
    static final Provider BC = new BouncyCastleProvider();

    private Providers() {}

    /** The signature algorithm for a key: Ed25519, or ECDSA over SHA-256 for P-256 keys (Fabric's default MSP). */
    static String signatureAlgorithm(java.security.Key key) {
        String algorithm = key.getAlgorithm();
        return "Ed25519".equalsIgnoreCase(algorithm) || "EdDSA".equalsIgnoreCase(algorithm) ? "Ed25519"
                : "SHA256withECDSA";
    }
}
