package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.chaincode.crypto.Base58Btc;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * A patient's three public keys.
 *
 * @param signingKey Ed25519, signs consents and routine DID operations
 * @param agreementKey X25519, for encryption to the patient
 * @param recoveryKey Ed25519, kept offline; can rotate or deactivate when the signing key is lost
 */
public record PatientKeys(Ed25519PublicKey signingKey, X25519PublicKey agreementKey, Ed25519PublicKey recoveryKey) {

    public PatientKeys {
        require(signingKey != null && agreementKey != null && recoveryKey != null, "patient keys are incomplete");
    }

    /**
     * The DID these keys create: {@code did:medmesh:} + base58btc(SHA-256(JCS of the three keys)). Deriving the
     * id from the first keys means nobody can register (squat) a DID whose keys they do not hold.
     */
    public Did deriveDid() {
        ObjectNode keys = CanonicalJson.object();
        keys.put("agreementKey", agreementKey.encoded());
        keys.put("recoveryKey", recoveryKey.encoded());
        keys.put("signingKey", signingKey.encoded());
        return Did.parse(Did.PATIENT_PREFIX + Base58Btc.encode(Sha256.digest(CanonicalJson.bytes(keys))));
    }
}
