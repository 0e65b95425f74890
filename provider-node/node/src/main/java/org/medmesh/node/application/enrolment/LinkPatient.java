package org.medmesh.node.application.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.medmesh.node.application.enrolment.EnrolmentException.Reason;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.PatientLinks;
import org.medmesh.consent.ledger.Did;

/**
 * A patient tells this hospital that their DID here and their DID at another hospital (the holder) are the same
 * person, so that this hospital can ask the holder for their records. Each DID is pairwise (ADR 0003), so only the
 * patient can make this link: both DIDs sign the same statement ({@link #statement}) for this hospital, each with
 * its current key on the ledger, and the DID here must be enrolled here. A wrong link would put someone else's
 * records in this patient's chart, so both signatures are required.
 */
public final class LinkPatient {
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final PatientRecords records;
    private final LedgerClient ledger;
    private final PatientLinks links;
    private final Clock clock;

    public LinkPatient(PatientRecords records, LedgerClient ledger, PatientLinks links, Clock clock) {
        this.records = Objects.requireNonNull(records, "records");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What both DIDs sign (as the DID-auth challenge, with this hospital as audience). */
    public static String statement(Did holder, Did patientAtHolder, Did patientHere) {
        return "medmesh-link|" + holder.value() + "|" + patientAtHolder.value() + "|" + patientHere.value();
    }

    /** The result: which local Patient was linked to which DID at which holder. */
    public record Linked(String patientId, Did holder, Did patientAtHolder) {}

    /**
     * @param here the DID-auth response of the patient's DID at this hospital
     * @param there the DID-auth response of the patient's DID at the holder
     */
    public Linked link(Did holder, String here, String there) {
        if (!holder.isOrganization() || holder.equals(ledger.organization())) {
            throw new EnrolmentException(Reason.NOT_VERIFIED, "the holder is another hospital's organisation DID");
        }
        Did patientHere = DidAuth.claimed(here, "not a DID-auth response");
        Did patientThere = DidAuth.claimed(there, "not a DID-auth response");
        if (patientHere.equals(patientThere) || patientHere.isOrganization() || patientThere.isOrganization()) {
            throw new EnrolmentException(Reason.NOT_VERIFIED, "two different patient DIDs must sign");
        }
        String statement = statement(holder, patientThere, patientHere);
        Instant now = clock.instant();
        DidAuth.verify(ledger, here, patientHere, statement, now, MAX_AGE, "a signing DID", "a signature");
        DidAuth.verify(ledger, there, patientThere, statement, now, MAX_AGE, "a signing DID", "a signature");
        String patientId = records.patientWithIdentifier(CompleteEnrolment.DID_SYSTEM, patientHere.value())
                .orElseThrow(() -> new EnrolmentException(Reason.UNKNOWN_PATIENT,
                        "the DID signing for this hospital is not enrolled here"));
        links.link(patientId, holder, patientThere, now);
        return new Linked(patientId, holder, patientThere);
    }


}
