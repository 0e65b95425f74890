package org.medmesh.patient.wallet;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.identity.PatientKeys;

/**
 * One generation of a patient's private keys: Ed25519 signing, X25519 key agreement, Ed25519 recovery. The
 * private keys never leave this object; {@link #toString()} shows none of them.
 */
public final class PatientKeyRing {
    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters agreement;
    private final Ed25519PrivateKeyParameters recovery;

    private PatientKeyRing(Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters agreement,
            Ed25519PrivateKeyParameters recovery) {
        this.signing = signing;
        this.agreement = agreement;
        this.recovery = recovery;
    }

    public static PatientKeyRing generate(SecureRandom random) {
        return new PatientKeyRing(new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random),
                new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Fresh signing and agreement keys with the same recovery key: what a routine rotation signed by the current
     * signing key may install. Only the recovery key may replace the recovery key.
     */
    public PatientKeyRing rotatedKeepingRecovery(SecureRandom random) {
        return new PatientKeyRing(new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random),
                recovery);
    }

    /** The public half, as the ledger's DID document holds it. */
    public PatientKeys publicKeys() {
        return new PatientKeys(
                Ed25519PublicKey.parse(Base64Url.encode(signing.generatePublicKey().getEncoded())),
                X25519PublicKey.parse(Base64Url.encode(agreement.generatePublicKey().getEncoded())),
                Ed25519PublicKey.parse(Base64Url.encode(recovery.generatePublicKey().getEncoded())));
    }

    Ed25519PrivateKeyParameters signingKey() {
        return signing;
    }

    Ed25519PrivateKeyParameters recoveryKey() {
        return recovery;
    }

    @Override
    public String toString() {
        return "PatientKeyRing[private keys hidden]";
    }
}
