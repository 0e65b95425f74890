package org.medmesh.patient.node;

import java.util.Objects;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.ServiceEndpoint;

/**
 * Who a node says it is ({@code GET /identity}).
 *
 * @param did the hospital's organisation DID
 * @param serviceEndpoint the URL the node advertises
 * @param name a display name, or null when the node gives none
 */
public record NodeIdentity(Did did, ServiceEndpoint serviceEndpoint, String name) {

    public NodeIdentity {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        if (!did.isOrganization()) {
            throw new IllegalArgumentException("a node is named by an organisation DID");
        }
        if (name != null && name.isBlank()) {
            name = null;
        }
    }

    /** The name if the node gave one, else its DID. */
    public String label() {
        return name != null ? name : did.value();
    }
}
