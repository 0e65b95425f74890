package org.medmesh.patient.node;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.DidAuthResponse;

/**
 * A one-time challenge a node issued for reading the patient's own records there ({@code POST /patients/challenges}).
 * It is a bearer secret until answered, so {@link #toString} leaves it out and the app never prints it.
 *
 * @param challenge what the wallet signs: base64url, so it travels unchanged as a header value
 * @param audience the hospital's organisation DID, the audience of the DID-auth response
 * @param expiresAt until when the node accepts an answer
 */
public record RecordsChallenge(String challenge, Did audience, Instant expiresAt) {

    public RecordsChallenge {
        Objects.requireNonNull(challenge, "challenge");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!isWellFormed(challenge)) {
            throw new IllegalArgumentException("a challenge is base64url text of at most "
                    + DidAuthResponse.MAX_CHALLENGE_LENGTH + " characters");
        }
        if (!audience.isOrganization()) {
            throw new IllegalArgumentException("a challenge is answered for a hospital's organisation DID");
        }
    }

    /** Base64url, not empty, no longer than a DID-auth response may carry. */
    static boolean isWellFormed(String challenge) {
        return challenge != null && challenge.length() <= DidAuthResponse.MAX_CHALLENGE_LENGTH
                && challenge.matches("[A-Za-z0-9_-]+");
    }

    @Override
    public String toString() {
        return "RecordsChallenge[audience=" + audience + ", expiresAt=" + expiresAt + "]";
    }
}
