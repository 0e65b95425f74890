package org.medmesh.patient.node;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;

/**
 * A consent as the ledger reports it ({@code GET /relay/consents/{id}}).
 *
 * @param id the consent id
 * @param status the effective status at the ledger's read time
 * @param patient the granting pairwise DID
 * @param consentHash SHA-256 hex of the signed FHIR Consent
 * @param grantedAt when the grant was committed, or null if the node did not say
 * @param revokedAt when it was revoked, or null
 */
public record ConsentView(ConsentId id, EffectiveStatus status, Did patient, String consentHash, Instant grantedAt,
        Instant revokedAt) {

    public ConsentView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(consentHash, "consentHash");
    }
}
