package org.medmesh.node.application.port;

import java.time.Instant;
import java.util.Optional;

/**
 * One-time enrolment codes, kept by their SHA-256. {@link #consume} succeeds once per code and only before it
 * expires, even with concurrent attempts.
 */
public interface EnrolmentChallenges {

    void issue(String challengeSha256, String patientId, Instant expiresAt);

    /** The local Patient id the code was issued for, if the code is known, unused and unexpired at {@code now}. */
    Optional<String> consume(String challengeSha256, Instant now);

    /** Whether the code is known, unused and unexpired (nothing is consumed). */
    boolean isOpen(String challengeSha256, Instant now);
}
