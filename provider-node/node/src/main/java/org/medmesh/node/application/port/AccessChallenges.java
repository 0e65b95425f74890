package org.medmesh.node.application.port;

import java.time.Instant;

/**
 * One-time challenges for a patient's DID auth, kept by their SHA-256 and bound to the DID they were issued for.
 * {@link #consume} succeeds once per challenge, for that DID, before it expires, even with concurrent attempts.
 * Store failures are {@link IllegalStateException}s.
 */
public interface AccessChallenges {

    void issueFor(String patientDid, String challengeSha256, Instant expiresAt);

    /** Whether the challenge was open for {@code patientDid} at {@code now}; it is used up either way. */
    boolean consumeFor(String patientDid, String challengeSha256, Instant now);
}
