package org.medmesh.chaincode.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * A patient's key set as the patient-app would hold it, with the signed operations the tests submit.
 * {@link #rotated()} keeps the DID and replaces the keys, as a rotation does.
 */
public final class TestPatient {

    private final Did did;
    private final JwsSigner signing;
    private final JwsSigner recovery;
    private final String agreementKey;

    private TestPatient(Did did, JwsSigner signing, JwsSigner recovery, String agreementKey) {
        this.did = did;
        this.signing = signing;
        this.recovery = recovery;
        this.agreementKey = agreementKey;
    }

    public static TestPatient generate() {
        JwsSigner signing = JwsSigner.generate();
        JwsSigner recovery = JwsSigner.generate();
        // Any 32 bytes pass the chaincode's X25519 check; an Ed25519 public key is a convenient source.
        String agreement = JwsSigner.generate().encodedPublicKey();
        PatientKeys keys = new PatientKeys(signing.publicKey(), X25519PublicKey.parse(agreement), recovery.publicKey());
        return new TestPatient(keys.deriveDid(), signing, recovery, agreement);
    }

    /** Same DID, fresh signing and agreement keys, same recovery key: a routine rotation. */
    public TestPatient rotated() {
        TestPatient fresh = generate();
        return new TestPatient(did, fresh.signing, recovery, fresh.agreementKey);
    }

    /** Same DID, all keys fresh: what a recovery installs. */
    public TestPatient recovered() {
        TestPatient fresh = generate();
        return new TestPatient(did, fresh.signing, fresh.recovery, fresh.agreementKey);
    }

    public Did did() {
        return did;
    }

    public String didText() {
        return did.value();
    }

    public Ed25519PublicKey signingKey() {
        return signing.publicKey();
    }

    public String signKid() {
        return did.value() + "#sign";
    }

    public String recoveryKid() {
        return did.value() + "#recovery";
    }

    /** Signs with the current signing key under {@code #sign}. */
    public String sign(JsonNode payload) {
        return signing.sign(signKid(), payload);
    }

    /** Signs with the recovery key under {@code #recovery}. */
    public String signWithRecovery(JsonNode payload) {
        return recovery.sign(recoveryKid(), payload);
    }

    public JwsSigner signingSigner() {
        return signing;
    }

    /** The {@code create} payload registering these keys. */
    public ObjectNode createPayload() {
        ObjectNode payload = keysPayload();
        payload.put("op", "create");
        return payload;
    }

    public String createJws() {
        return sign(createPayload());
    }

    /** The {@code rotate} payload installing {@code next}'s keys. */
    public ObjectNode rotatePayload(TestPatient next, long previousVersion) {
        ObjectNode payload = next.keysPayload();
        payload.put("op", "rotate");
        payload.put("previousVersion", previousVersion);
        return payload;
    }

    public ObjectNode deactivatePayload(long previousVersion) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("op", "deactivate");
        payload.put("did", did.value());
        payload.put("previousVersion", previousVersion);
        return payload;
    }

    private ObjectNode keysPayload() {
        ObjectNode payload = CanonicalJson.object();
        payload.put("did", did.value());
        payload.put("signingKey", signing.encodedPublicKey());
        payload.put("agreementKey", agreementKey);
        payload.put("recoveryKey", recovery.encodedPublicKey());
        return payload;
    }
}
