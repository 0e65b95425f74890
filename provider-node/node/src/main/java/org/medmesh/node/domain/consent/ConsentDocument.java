package org.medmesh.node.domain.consent;

import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.Did;

/**
 * A patient's signed FHIR Consent as delivered by the wallet: the exact bytes (base64url here, so the record
 * compares by value) whose SHA-256 the ledger grant carries.
 *
 * @param id the ledger consent it belongs to
 * @param patient the patient's (pairwise) DID
 * @param sha256 SHA-256 hex of the bytes, equal to the grant's consentHash
 * @param documentBase64Url the bytes, base64url without padding
 * @param receivedAt when this node stored it
 */
public record ConsentDocument(ConsentId id, Did patient, String sha256, String documentBase64Url, Instant receivedAt) {
    public ConsentDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lowercase hex digits");
        }
        if (documentBase64Url == null || !documentBase64Url.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("document must be base64url without padding");
        }
    }

    public byte[] bytes() {
        return Base64.getUrlDecoder().decode(documentBase64Url);
    }

    public static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
