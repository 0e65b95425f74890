package org.medmesh.patient.wallet;

import java.util.Objects;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;

/**
 * A consent the patient signed, kept so the patient can show, re-send or revoke it.
 *
 * @param consentId its ledger id
 * @param grantJws the signed grant as submitted to the ledger
 * @param consentJson the signed FHIR Consent (JSON) whose SHA-256 the grant carries; may hold PHI
 * @param status the effective status the wallet last saw on the ledger
 */
public record SignedConsent(ConsentId consentId, String grantJws, String consentJson, EffectiveStatus status) {

    public SignedConsent {
        Objects.requireNonNull(consentId, "consentId");
        Objects.requireNonNull(status, "status");
        if (grantJws == null || grantJws.isEmpty() || consentJson == null || consentJson.isEmpty()) {
            throw new IllegalArgumentException("a signed consent needs its grant and its FHIR Consent");
        }
    }

    public SignedConsent withStatus(EffectiveStatus newStatus) {
        return new SignedConsent(consentId, grantJws, consentJson, newStatus);
    }

    /** Id and status only: the FHIR Consent may name the patient. */
    @Override
    public String toString() {
        return "SignedConsent[" + consentId + ", " + status.code() + "]";
    }
}
