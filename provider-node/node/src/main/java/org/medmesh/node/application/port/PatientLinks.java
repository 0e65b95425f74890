package org.medmesh.node.application.port;

import java.time.Instant;
import java.util.List;
import org.medmesh.consent.ledger.Did;

/**
 * The requester's links from a local Patient to the same person's pairwise DIDs at other hospitals, each proven by
 * the patient (signed with both DIDs). One DID per holder: a new link for the same holder replaces the old one.
 * Store failures are {@link IllegalStateException}s.
 */
public interface PatientLinks {

    void link(String patientId, Did holder, Did patientAtHolder, Instant linkedAt);

    /** The links of one local Patient, by holder. */
    List<Link> linksOf(String patientId);

    /** One link. */
    record Link(String patientId, Did holder, Did patientAtHolder, Instant linkedAt) {}
}
