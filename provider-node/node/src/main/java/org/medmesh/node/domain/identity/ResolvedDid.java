package org.medmesh.node.domain.identity;

import java.util.Objects;
import java.util.Optional;
import org.medmesh.node.domain.ledger.DidDocument;

/**
 * A resolved DID of any method MedMesh accepts: the keys and endpoint a node acts on, and the W3C DID Core document
 * to show. Keys are unpadded base64url of the raw 32 bytes; a deactivated DID has none.
 *
 * @param did the DID
 * @param version the ledger's version of the document; a did:key never changes and reports 1
 * @param deactivated whether the DID was deactivated (final)
 * @param signingKey the Ed25519 key for {@code authentication}/{@code assertionMethod}, if any
 * @param agreementKey the X25519 {@code keyAgreement} key, if any
 * @param serviceEndpoint a provider node's endpoint (organisations only)
 * @param document the DID document as JSON
 */
public record ResolvedDid(String did, long version, boolean deactivated, Optional<String> signingKey,
        Optional<String> agreementKey, Optional<String> serviceEndpoint, String document) {
    public ResolvedDid {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(agreementKey, "agreementKey");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        Objects.requireNonNull(document, "document");
    }

    /** A ledger DID document ({@code did:medmesh}). */
    public static ResolvedDid of(DidDocument document) {
        return new ResolvedDid(document.did().value(), document.version(), document.deactivated(),
                nonEmpty(document.signingKey()), nonEmpty(document.agreementKey()), document.serviceEndpoint(),
                document.json());
    }

    private static Optional<String> nonEmpty(String key) {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
