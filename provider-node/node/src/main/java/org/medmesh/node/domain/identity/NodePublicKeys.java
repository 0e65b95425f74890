package org.medmesh.node.domain.identity;

import java.net.URI;
import java.util.Objects;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.OrganizationRegistration;

/**
 * A provider node's public keys: Ed25519 for signatures, X25519 for key agreement, each the unpadded base64url of
 * its raw 32 bytes, as the organisation's DID document carries them.
 */
public record NodePublicKeys(String signingKey, String agreementKey) {
    private static final String RAW_32_BYTES = "[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]";

    public NodePublicKeys {
        Objects.requireNonNull(signingKey, "signingKey");
        Objects.requireNonNull(agreementKey, "agreementKey");
        if (!signingKey.matches(RAW_32_BYTES) || !agreementKey.matches(RAW_32_BYTES)) {
            throw new IllegalArgumentException("keys must be unpadded base64url of 32 bytes");
        }
    }

    /** True if the document holds exactly these keys. */
    public boolean matches(DidDocument document) {
        return signingKey.equals(document.signingKey()) && agreementKey.equals(document.agreementKey());
    }

    /** The organisation's DID document content with these keys. */
    public OrganizationRegistration registration(String mspId, URI serviceEndpoint) {
        return new OrganizationRegistration(mspId, signingKey, agreementKey, serviceEndpoint);
    }
}
