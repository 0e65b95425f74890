package org.medmesh.node.domain.ledger;

import java.util.Objects;
import java.util.Optional;
import org.medmesh.consent.ledger.Did;

/**
 * A resolved DID: its current keys (base64url), service endpoint (organisations), version and status, and the
 * W3C DID Core document as the ledger serves it.
 */
public record DidDocument(Did did, long version, boolean deactivated, String signingKey, String agreementKey,
        Optional<String> serviceEndpoint, String json) {
    public DidDocument {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(agreementKey, "agreementKey");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        Objects.requireNonNull(json, "json");
    }
}
