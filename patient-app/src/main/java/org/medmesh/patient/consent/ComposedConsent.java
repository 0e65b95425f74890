package org.medmesh.patient.consent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.fhir.consent.ConsentDocuments;

/**
 * A consent ready to submit: what the ledger enforces, what the holders receive and what the patient signed.
 *
 * @param id the consent id the ledger will give it (derived from the signed grant's payload)
 * @param provision the provision tree
 * @param document the signed FHIR Consent, JSON; its UTF-8 bytes are exactly the bytes hashed and sent
 * @param consentHash SHA-256 hex of {@link #documentBytes()}
 * @param grantJws the signed grant (compact JWS) carrying the provision and the hash
 * @param issuedAt when the patient signed: the grant's issuedAt and the Consent's dateTime
 */
public record ComposedConsent(ConsentId id, Provision provision, String document, String consentHash,
        String grantJws, Instant issuedAt) {

    public ComposedConsent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provision, "provision");
        Objects.requireNonNull(grantJws, "grantJws");
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (!ConsentDocuments.sha256Hex(document.getBytes(StandardCharsets.UTF_8)).equals(consentHash)) {
            throw new IllegalArgumentException("consentHash is not the SHA-256 of the document");
        }
    }

    /** The document's bytes, as hashed: send these, never a re-serialisation. */
    public byte[] documentBytes() {
        return document.getBytes(StandardCharsets.UTF_8);
    }

    /** Id only: the document names the patient's DID. */
    @Override
    public String toString() {
        return "ComposedConsent[" + id + "]";
    }
}
