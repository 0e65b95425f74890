package org.medmesh.node.domain.ledger;

import java.net.URI;
import java.util.Objects;
import org.medmesh.consent.ledger.Did;

/**
 * An organisation's DID document content: its MSP id, Ed25519 signing and X25519 key-agreement public keys
 * (base64url, raw 32 bytes) and the node's service endpoint.
 */
public record OrganizationRegistration(String mspId, String signingKey, String agreementKey, URI serviceEndpoint) {
    public OrganizationRegistration {
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(agreementKey, "agreementKey");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    }

    public Did did() {
        return Did.forOrganization(mspId);
    }
}
