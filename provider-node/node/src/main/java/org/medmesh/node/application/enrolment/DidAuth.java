package org.medmesh.node.application.enrolment;

import java.time.Duration;
import java.time.Instant;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.application.enrolment.EnrolmentException.Reason;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.patient.wallet.DidAuthException;
import org.medmesh.patient.wallet.DidAuthResponse;

/**
 * A patient's DID-auth response as every patient-facing call checks it: the DID it claims, that DID's current key on
 * the ledger (not deactivated), and the signature over the expected statement for this node, not too old.
 */
final class DidAuth {
    private DidAuth() {}

    /** The DID {@code response} claims, not yet verified. */
    static Did claimed(String response, String notAResponse) {
        try {
            return Did.parse(DidAuthResponse.claimedDid(response));
        } catch (RuntimeException e) {
            throw new EnrolmentException(Reason.NOT_VERIFIED, notAResponse);
        }
    }

    /** The DID of {@code response}, verified for {@code statement} (the usual words for what went wrong). */
    static Did verified(LedgerClient ledger, String response, String statement, Instant now, Duration maxAge) {
        Did did = claimed(response, "not a DID-auth response");
        verify(ledger, response, did, statement, now, maxAge, "the DID", "the response");
        return did;
    }

    /**
     * Checks that {@code did}'s current key signed {@code response} over {@code statement} for this node.
     *
     * @param signer and {@code signature}: how the refusal names the DID and the signature ("the DID", "the response")
     */
    static void verify(LedgerClient ledger, String response, Did did, String statement, Instant now,
            Duration maxAge, String signer, String signature) {
        DidDocument document = ledger.resolve(did).filter(d -> !d.deactivated()).orElseThrow(() ->
                new EnrolmentException(Reason.UNKNOWN_DID, signer + " is not registered on the ledger"));
        try {
            DidAuthResponse.verify(response, ledger.organization().value(), statement, document.signingKey(), now,
                    maxAge);
        } catch (DidAuthException e) {
            throw new EnrolmentException(Reason.NOT_VERIFIED, signature + " does not verify: " + e.getMessage());
        }
    }
}
