package org.medmesh.node.application.enrolment;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.TimeRange;

/**
 * A patient's own access log, read from the ledger through any node: every access decision any hospital recorded
 * for one of the patient's DIDs, break-glass included. The patient proves control of the DID with a DID-auth
 * response for this node over {@value #STATEMENT}, at most five minutes old; nobody else reads it through here.
 */
public final class PatientAccessLog {
    public static final String STATEMENT = "medmesh-access-log";
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private final LedgerClient ledger;
    private final Clock clock;

    public PatientAccessLog(LedgerClient ledger, Clock clock) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The page of the signing patient's access events in {@code range}. */
    public Page<AccessEvent> read(String didAuthResponse, TimeRange range, PageRequest page) {
        Did did = DidAuth.verified(ledger, didAuthResponse, STATEMENT, clock.instant(), MAX_AGE);
        return ledger.accessByPatient(did, range, page);
    }
}
