package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import java.util.Locale;
import java.util.Set;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A patient's signed DID operation ({@code create}, {@code rotate} or {@code deactivate}), parsed from a JWS
 * payload. The signature is checked by the registry against the ledger, not here.
 *
 * @param op the operation
 * @param did the DID operated on
 * @param previousVersion the version the patient saw (0 for create); replays of old operations fail on it
 * @param keys the new keys (create and rotate; null for deactivate)
 * @param jws the signed operation
 */
public record PatientOperation(Op op, Did did, long previousVersion, PatientKeys keys, CompactJws jws) {

    /** The operations a patient signs. */
    public enum Op { CREATE, ROTATE, DEACTIVATE }

    private static final Set<String> KEY_FIELDS =
            Set.of("op", "did", "previousVersion", "signingKey", "agreementKey", "recoveryKey");
    private static final Set<String> DEACTIVATE_FIELDS = Set.of("op", "did", "previousVersion");

    public PatientOperation {
        require(op != null && did != null && did.isPatient() && jws != null, "incomplete patient operation");
        require((keys == null) == (op == Op.DEACTIVATE), "keys are required exactly for create and rotate");
        require((previousVersion == 0) == (op == Op.CREATE), "previousVersion is required after create");
    }

    /** Parses a JWS whose payload must be the operation {@code expected}. */
    public static PatientOperation parse(String compactJws, Op expected) {
        CompactJws jws = CompactJws.parse(compactJws);
        JsonFields f = JsonFields.of(jws.payload(), expected == Op.DEACTIVATE ? DEACTIVATE_FIELDS : KEY_FIELDS);
        require(expected.name().toLowerCase(Locale.ROOT).equals(f.text("op")), "unexpected op");
        long previousVersion = expected == Op.CREATE ? 0 : f.integer("previousVersion", 1, Long.MAX_VALUE);
        if (expected == Op.CREATE) {
            require(!f.isPresent("previousVersion"), "create has no previousVersion");
        }
        PatientKeys keys = expected == Op.DEACTIVATE ? null : keysFrom(f);
        return new PatientOperation(expected, Did.parsePatient(f.text("did")), previousVersion, keys, jws);
    }

    private static PatientKeys keysFrom(JsonFields f) {
        return new PatientKeys(
                Ed25519PublicKey.parse(f.text("signingKey")),
                X25519PublicKey.parse(f.text("agreementKey")),
                Ed25519PublicKey.parse(f.text("recoveryKey")));
    }
}
