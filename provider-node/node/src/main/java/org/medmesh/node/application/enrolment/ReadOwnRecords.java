package org.medmesh.node.application.enrolment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.node.application.enrolment.EnrolmentException.Reason;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.port.AccessChallenges;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.Did;

/**
 * A patient reads their own records here (right of access), with no password stored at the hospital: the wallet
 * asks for a one-time challenge for its DID, signs it (DID auth, this hospital as audience), and gets everything
 * this hospital holds for the Patient enrolled with that DID — its own records and those it received from other
 * hospitals — but not the hospital's audit trail. Each challenge answers once, within {@link #LIFETIME}.
 */
public final class ReadOwnRecords {
    public static final Duration LIFETIME = Duration.ofMinutes(5);

    private final PatientRecords records;
    private final LedgerClient ledger;
    private final AccessChallenges challenges;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public ReadOwnRecords(PatientRecords records, LedgerClient ledger, AccessChallenges challenges, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.challenges = Objects.requireNonNull(challenges, "challenges");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A challenge for {@code patientDid}: 24 random bytes, base64url, kept only as its SHA-256. */
    public Challenge challenge(Did patientDid) {
        if (patientDid.isOrganization()) {
            throw new EnrolmentException(Reason.NOT_VERIFIED, "a patient DID is required");
        }
        // Only for a DID on the ledger: a challenge is a row in this node's database, not for anyone's asking.
        ledger.resolve(patientDid).filter(d -> !d.deactivated()).orElseThrow(() ->
                new EnrolmentException(Reason.UNKNOWN_DID, "the DID is not registered on the ledger"));
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expiresAt = clock.instant().plus(LIFETIME);
        challenges.issueFor(patientDid.value(), Sha256.hex(challenge), expiresAt);
        return new Challenge(challenge, ledger.organization(), expiresAt);
    }

    /** A challenge to sign, for this hospital, until {@code expiresAt}. */
    public record Challenge(String challenge, Did audience, Instant expiresAt) {}

    /**
     * The patient's records, if {@code didAuthResponse} answers an open challenge issued for its DID, signed with
     * the DID's current key on the ledger, and that DID is enrolled here.
     */
    public List<StoredResource> read(String didAuthResponse, String challenge) {
        Instant now = clock.instant();
        Did did = DidAuth.verified(ledger, didAuthResponse, challenge, now, LIFETIME);
        if (!challenges.consumeFor(did.value(), Sha256.hex(challenge), now)) {
            throw new EnrolmentException(Reason.CODE_NOT_OPEN, "the challenge is unknown, used or expired");
        }
        String patientId = records.patientWithIdentifier(CompleteEnrolment.DID_SYSTEM, did.value()).orElseThrow(() ->
                new EnrolmentException(Reason.UNKNOWN_PATIENT, "this DID is not enrolled here"));
        return records.records(patientId);
    }
}
