package org.medmesh.node.domain.exchange;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.medmesh.consent.ledger.Did;

/**
 * What requester node R asks holder node H for: a patient's records of some classes (FHIR resource types; none
 * named means whatever the consent permits) for a purpose, valid from {@code issuedAt} to {@code expiresAt} (whole seconds, as JWT carries them), with a nonce
 * against replay and R's fresh X25519 public key ({@code replyKey}, base64url of its raw 32 bytes) to encrypt the
 * answer to. An emergency request carries its break-glass declaration ({@code emergency}, null otherwise) and has
 * the purpose {@value EmergencyAccess#PURPOSE}.
 */
public record ExchangeRequest(Did requester, Did audience, Did patient, String purpose, List<String> classes,
        Instant issuedAt, Instant expiresAt, String nonce, String replyKey, EmergencyAccess emergency) {
    /** How far the two nodes' clocks may disagree: a request is accepted until this long after its expiry. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final String RAW_32_BYTES = "[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]";
    private static final String NONCE = "[A-Za-z0-9_-]{16,128}";

    public ExchangeRequest {
        Objects.requireNonNull(requester, "requester");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(replyKey, "replyKey");
        classes = List.copyOf(classes);
        issuedAt = issuedAt.truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (!requester.isOrganization() || !audience.isOrganization()) {
            throw new IllegalArgumentException("requester and audience are organisation DIDs");
        }
        if (patient.isOrganization()) {
            throw new IllegalArgumentException("the patient is a patient DID");
        }
        if (purpose.isBlank() || classes.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a purpose is required, and classes are not blank");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt must be after issuedAt");
        }
        if (!nonce.matches(NONCE)) {
            throw new IllegalArgumentException("the nonce is 16 to 128 base64url characters");
        }
        if (!replyKey.matches(RAW_32_BYTES)) {
            throw new IllegalArgumentException("the reply key is the unpadded base64url of 32 bytes");
        }
        if (emergency != null && !EmergencyAccess.PURPOSE.equals(purpose)) {
            throw new IllegalArgumentException("a break-glass request has the purpose " + EmergencyAccess.PURPOSE);
        }
    }

    /** A request under consent (no break-glass). */
    public ExchangeRequest(Did requester, Did audience, Did patient, String purpose, List<String> classes,
            Instant issuedAt, Instant expiresAt, String nonce, String replyKey) {
        this(requester, audience, patient, purpose, classes, issuedAt, expiresAt, nonce, replyKey, null);
    }

    /** The last instant a receiver may accept this request (its expiry plus the clock skew), exclusive. */
    public Instant acceptedUntil() {
        return expiresAt.plus(CLOCK_SKEW);
    }
}
