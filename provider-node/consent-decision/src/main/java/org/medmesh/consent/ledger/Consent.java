package org.medmesh.consent.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * A consent as committed on the ledger: whose, over what (the provision tree), bound to the SHA-256 of the full
 * FHIR Consent held off-chain, and its status at the ledger's time.
 */
public record Consent(ConsentId id, Did patient, String consentHash, ProvisionTree provision, ConsentStatus status,
        Instant issuedAt, Instant grantedAt, Instant revokedAt) {
    public Consent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(consentHash, "consentHash");
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(grantedAt, "grantedAt");
    }
}
