package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * The current state of one DID as stored under {@code did:<did>}. Organisations have an MSP id and a service
 * endpoint; patients have a recovery key. Versions start at 1 and grow by one with every change.
 *
 * @param did the DID
 * @param version current version, used for optimistic concurrency ({@code previousVersion})
 * @param signingKey Ed25519 key for signatures
 * @param agreementKey X25519 key for key agreement
 * @param recoveryKey patients only (null for organisations)
 * @param mspId organisations only (null for patients)
 * @param serviceEndpoint organisations only (null for patients)
 * @param deactivated final once true
 * @param created transaction time of the create operation
 * @param updated transaction time of the latest operation
 */
public record DidRecord(
        Did did,
        long version,
        Ed25519PublicKey signingKey,
        X25519PublicKey agreementKey,
        Ed25519PublicKey recoveryKey,
        String mspId,
        ServiceEndpoint serviceEndpoint,
        boolean deactivated,
        Instant created,
        Instant updated) {

    public DidRecord {
        require(did != null && version >= 1 && signingKey != null && agreementKey != null, "incomplete DID record");
        require(created != null && updated != null, "DID record needs its times");
        boolean organisation = did.isOrganization();
        require(organisation == (mspId != null && serviceEndpoint != null), "organisation fields mismatch");
        require(organisation != (recoveryKey != null), "recovery key is for patients only");
    }

    public static String key(Did did) {
        return "did:" + did.value();
    }

    public String key() {
        return key(did);
    }

    public boolean isOrganization() {
        return did.isOrganization();
    }

    public static DidRecord newPatient(Did did, PatientKeys keys, Instant now) {
        return new DidRecord(did, 1, keys.signingKey(), keys.agreementKey(), keys.recoveryKey(), null, null, false, now, now);
    }

    public DidRecord withPatientKeys(PatientKeys keys, Instant now) {
        return new DidRecord(did, version + 1, keys.signingKey(), keys.agreementKey(), keys.recoveryKey(),
                null, null, false, created, now);
    }

    public DidRecord withOrganizationKeys(Ed25519PublicKey signing, X25519PublicKey agreement,
                                          ServiceEndpoint endpoint, Instant now) {
        return new DidRecord(did, version + 1, signing, agreement, null, mspId, endpoint, false, created, now);
    }

    public DidRecord deactivate(Instant now) {
        return new DidRecord(did, version + 1, signingKey, agreementKey, recoveryKey, mspId, serviceEndpoint,
                true, created, now);
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("did", did.value());
        json.put("version", version);
        json.put("signingKey", signingKey.encoded());
        json.put("agreementKey", agreementKey.encoded());
        if (recoveryKey != null) {
            json.put("recoveryKey", recoveryKey.encoded());
        }
        if (mspId != null) {
            json.put("mspId", mspId);
            json.put("serviceEndpoint", serviceEndpoint.url());
        }
        json.put("deactivated", deactivated);
        json.put("created", created.toString());
        json.put("updated", updated.toString());
        return json;
    }

    public static DidRecord fromJson(ObjectNode json) {
        JsonFields f = JsonFields.of(json, Set.of("did", "version", "signingKey", "agreementKey",
                "recoveryKey", "mspId", "serviceEndpoint", "deactivated", "created", "updated"));
        return new DidRecord(
                Did.parse(f.text("did")),
                f.integer("version", 1, Long.MAX_VALUE),
                Ed25519PublicKey.parse(f.text("signingKey")),
                X25519PublicKey.parse(f.text("agreementKey")),
                f.optionalText("recoveryKey").map(Ed25519PublicKey::parse).orElse(null),
                f.optionalText("mspId").orElse(null),
                f.optionalText("serviceEndpoint").map(ServiceEndpoint::parse).orElse(null),
                f.bool("deactivated"),
                f.instant("created"),
                f.instant("updated"));
    }
}
