package org.medmesh.patient.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * One of the patient's DIDs (pairwise: one per hospital) with its current keys and ledger version, and the
 * operations signed with them. A rotation returns a new identity object: same DID, next keys, next version.
 */
public final class PatientIdentity {
    private final Did did;
    private final PatientKeyRing keys;
    private final long version;

    private PatientIdentity(Did did, PatientKeyRing keys, long version) {
        this.did = did;
        this.keys = keys;
        this.version = version;
    }

    /** An identity read back from the wallet: its DID, its current keys and the ledger version they belong to. */
    static PatientIdentity restore(Did did, PatientKeyRing keys, long version) {
        if (!did.isPatient() || version < 1) {
            throw new IllegalArgumentException("not a patient DID at a ledger version");
        }
        if (version == 1 && !keys.publicKeys().deriveDid().equals(did)) {
            throw new IllegalArgumentException("a first-version DID must be derived from its keys");
        }
        return new PatientIdentity(did, keys, version);
    }

    /** A new DID whose id is derived from its first keys, so nobody else can claim it. */
    public static PatientIdentity create(SecureRandom random) {
        PatientKeyRing keys = PatientKeyRing.generate(random);
        return new PatientIdentity(keys.publicKeys().deriveDid(), keys, 1);
    }

    public Did did() {
        return did;
    }

    public long version() {
        return version;
    }

    public PatientKeys publicKeys() {
        return keys.publicKeys();
    }

    PatientKeyRing keyRing() {
        return keys;
    }

    /** The signed {@code create} operation that registers this DID on the ledger. */
    public String signedCreate() {
        ObjectNode payload = keysPayload(keys.publicKeys());
        payload.put("op", "create");
        return JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
    }

    /**
     * A rotation to fresh keys. Signed with the current signing key it keeps the recovery key; signed with the
     * recovery key (recovery after a lost or stolen signing key) it replaces all three.
     */
    public Rotation rotate(SecureRandom random, boolean withRecoveryKey) {
        PatientKeyRing next = withRecoveryKey ? PatientKeyRing.generate(random) : keys.rotatedKeepingRecovery(random);
        ObjectNode payload = keysPayload(next.publicKeys());
        payload.put("op", "rotate");
        payload.put("previousVersion", version);
        String jws = withRecoveryKey ? JwsSigner.sign(keys.recoveryKey(), kid("recovery"), payload)
                : JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
        return new Rotation(jws, new PatientIdentity(did, next, version + 1));
    }

    /** The signed operation that retires this DID for good. */
    public String signedDeactivate() {
        ObjectNode payload = CanonicalJson.object();
        payload.put("op", "deactivate");
        payload.put("did", did.value());
        payload.put("previousVersion", version);
        return JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
    }

    /** A consent grant over {@code provision}, bound to the SHA-256 of the full FHIR Consent kept off-chain. */
    public String signedGrant(Provision provision, String consentHash, Instant issuedAt) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("type", ConsentGrant.TYPE);
        payload.put("schemaVersion", 1);
        payload.put("patient", did.value());
        payload.put("consentHash", Objects.requireNonNull(consentHash, "consentHash"));
        payload.put("issuedAt", issuedAt.toString());
        payload.set("provision", provision.toJson());
        return JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
    }

    /** The revocation of one of this patient's consents. */
    public String signedRevoke(String consentId, Instant issuedAt) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("type", "medmesh.consent.revoke");
        payload.put("consentId", consentId);
        payload.put("patient", did.value());
        payload.put("issuedAt", issuedAt.toString());
        return JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
    }

    /**
     * Proof of control of this DID for {@code audienceDid} (the hospital's organisation DID), answering its
     * {@code challenge}: at enrolment and before reading one's own records. Checked by {@link DidAuthResponse}.
     */
    public String signedChallengeResponse(String audienceDid, String challenge, Instant issuedAt) {
        if (!isOrganizationDid(audienceDid)) {
            throw new IllegalArgumentException("the audience must be an organisation DID");
        }
        if (challenge == null || challenge.isEmpty() || challenge.length() > DidAuthResponse.MAX_CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("the challenge must be 1 to 1024 characters");
        }
        ObjectNode payload = CanonicalJson.object();
        payload.put("type", DidAuthResponse.TYPE);
        payload.put("did", did.value());
        payload.put("aud", audienceDid);
        payload.put("challenge", challenge);
        payload.put("iat", Objects.requireNonNull(issuedAt, "issuedAt").toString());
        return JwsSigner.sign(keys.signingKey(), kid("sign"), payload);
    }

    private static boolean isOrganizationDid(String value) {
        try {
            return value != null && Did.parse(value).isOrganization();
        } catch (ChaincodeException e) {
            return false;
        }
    }

    private ObjectNode keysPayload(PatientKeys publicKeys) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("did", did.value());
        payload.put("signingKey", publicKeys.signingKey().encoded());
        payload.put("agreementKey", publicKeys.agreementKey().encoded());
        payload.put("recoveryKey", publicKeys.recoveryKey().encoded());
        return payload;
    }

    private String kid(String fragment) {
        return did.value() + "#" + fragment;
    }

    @Override
    public String toString() {
        return "PatientIdentity[version " + version + "]";
    }

    /** A signed rotation and the identity it leads to once committed. */
    public record Rotation(String signedOperation, PatientIdentity next) {}
}
