package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.refuse;

import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.error.ErrorCode;

/**
 * Checks that a JWS was signed by a key of a patient's current DID record. A relaying node cannot forge or
 * alter a patient operation because the key comes from the ledger, not from the request.
 */
public final class PatientSignatures {

    public static final String SIGNING_FRAGMENT = "sign";
    public static final String AGREEMENT_FRAGMENT = "agree";
    public static final String RECOVERY_FRAGMENT = "recovery";

    private PatientSignatures() {
    }

    /** Requires a signature by the current signing key ({@code #sign}); returns normally or refuses BAD_SIGNATURE. */
    public static void requireSignedBySigningKey(CompactJws jws, DidRecord record) {
        requireKidFor(jws, record, SIGNING_FRAGMENT.equals(jws.kid().fragment()));
        requireVerified(jws, record.signingKey());
    }

    /**
     * Requires a signature by the signing key or, for recovery, the recovery key.
     *
     * @return true when the recovery key signed
     */
    public static boolean requireSignedBySigningOrRecoveryKey(CompactJws jws, DidRecord record) {
        String fragment = jws.kid().fragment();
        boolean recovery = RECOVERY_FRAGMENT.equals(fragment) && record.recoveryKey() != null;
        requireKidFor(jws, record, SIGNING_FRAGMENT.equals(fragment) || recovery);
        requireVerified(jws, recovery ? record.recoveryKey() : record.signingKey());
        return recovery;
    }

    private static void requireKidFor(CompactJws jws, DidRecord record, boolean fragmentAllowed) {
        if (!record.did().value().equals(jws.kid().did()) || !fragmentAllowed) {
            throw refuse(ErrorCode.BAD_SIGNATURE, "JWS kid does not name an allowed key of this DID");
        }
    }

    private static void requireVerified(CompactJws jws, Ed25519PublicKey key) {
        if (!jws.verifiedBy(key)) {
            throw refuse(ErrorCode.BAD_SIGNATURE, "JWS signature does not verify");
        }
    }
}
