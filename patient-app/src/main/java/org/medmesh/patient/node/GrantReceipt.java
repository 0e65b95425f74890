package org.medmesh.patient.node;

import java.util.Objects;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;

/**
 * A consent grant the ledger committed.
 *
 * @param id the consent id
 * @param status its effective status right after the commit (active, or not-yet-valid for a future start)
 * @param patient the granting pairwise DID
 * @param consentHash SHA-256 hex of the signed FHIR Consent
 */
public record GrantReceipt(ConsentId id, EffectiveStatus status, Did patient, String consentHash) {

    public GrantReceipt {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(consentHash, "consentHash");
    }
}
