package org.medmesh.node.application.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.fhir.Fhir;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.node.application.enrolment.EnrolmentException.Reason;
import org.medmesh.node.application.port.EnrolmentChallenges;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.Did;

/**
 * Completes an enrolment: the wallet's response must be signed with the current signing key of the DID it names
 * (resolved on the ledger), for this hospital and this code, and recent. Only then is the code consumed and the
 * local Patient given the DID as an identifier ({@value #DID_SYSTEM}); an earlier MedMesh DID on that Patient
 * is replaced (a patient who lost a wallet enrols again with a new code from the desk).
 */
public final class CompleteEnrolment {
    /** Identifier system for a DID on a Patient: a DID is a URI (RFC 3986). */
    public static final String DID_SYSTEM = "urn:ietf:rfc:3986";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final JdbcResourceStore store;
    private final EnrolmentChallenges challenges;
    private final LedgerClient ledger;
    private final Clock clock;

    public CompleteEnrolment(JdbcResourceStore store, EnrolmentChallenges challenges, LedgerClient ledger,
            Clock clock) {
        this.store = store;
        this.challenges = challenges;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Returns the linked DID. */
    public Did complete(String code, String responseJws) {
        Instant now = clock.instant();
        String codeHash = Sha256.hex(code);
        if (!challenges.isOpen(codeHash, now)) {
            throw new EnrolmentException(Reason.CODE_NOT_OPEN, "the enrolment code is unknown, used or expired");
        }
        Did did = DidAuth.claimed(responseJws, "the response is not a DID-auth response");
        DidAuth.verify(ledger, responseJws, did, code, now, MAX_AGE, "the DID", "the response");
        String patientId = challenges.consume(codeHash, now).orElseThrow(() ->
                new EnrolmentException(Reason.CODE_NOT_OPEN, "the enrolment code is unknown, used or expired"));
        link(patientId, did);
        return did;
    }

    private void link(String patientId, Did did) {
        store.inTransaction(tx -> {
            StoredResource stored = tx.read("Patient", patientId).filter(p -> !p.deleted()).orElseThrow(() ->
                    new EnrolmentException(Reason.UNKNOWN_PATIENT, "the Patient was deleted"));
            Patient patient = Fhir.context().newJsonParser().parseResource(Patient.class, stored.json());
            patient.getIdentifier().removeIf(i -> DID_SYSTEM.equals(i.getSystem())
                    && i.getValue() != null && i.getValue().startsWith("did:medmesh:"));
            patient.addIdentifier().setUse(Identifier.IdentifierUse.SECONDARY).setSystem(DID_SYSTEM)
                    .setValue(did.value());
            return tx.update(patient, stored.version());
        });
    }
}
