package org.medmesh.node.application.port;

import java.time.Instant;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.consent.ledger.Did;

/**
 * The holder's record of break-glass reasons in the clinicians' own words, kept off the ledger (the ledger has
 * their SHA-256), for the patient and the auditors. Store failures are {@link IllegalStateException}s: a holder
 * that cannot keep the reason must not release anything.
 */
public interface EmergencyReasons {

    void keep(String eventId, Did requester, Did patient, EmergencyAccess emergency, Instant recordedAt);
}
