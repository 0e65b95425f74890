package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A consent as stored under {@code consent:<id>}. Revocation is final: a revoked record never becomes active.
 *
 * @param id derived from the grant
 * @param patient the granting patient
 * @param consentHash SHA-256 hex of the full FHIR Consent
 * @param provision what is granted
 * @param issuedAt when the patient says it signed
 * @param revoked whether the patient revoked it
 * @param grantedAt transaction time of the grant
 * @param revokedAt transaction time of the revocation, or null
 * @param grantJws the patient's signed grant, for anyone to re-verify
 * @param revokeJws the patient's signed revocation, or null
 */
public record ConsentRecord(
        ConsentId id,
        Did patient,
        String consentHash,
        Provision provision,
        Instant issuedAt,
        boolean revoked,
        Instant grantedAt,
        Instant revokedAt,
        String grantJws,
        String revokeJws) {

    private static final Set<String> FIELDS = Set.of("id", "patient", "consentHash", "provision", "issuedAt",
            "status", "grantedAt", "revokedAt", "grantJws", "revokeJws");

    public ConsentRecord {
        require(id != null && patient != null && provision != null && grantJws != null, "incomplete consent");
        require(revoked == (revokedAt != null) && revoked == (revokeJws != null), "revocation fields mismatch");
    }

    public static String key(ConsentId id) {
        return "consent:" + id.value();
    }

    public static ConsentRecord granted(ConsentGrant grant, Instant now) {
        return new ConsentRecord(grant.id(), grant.patient(), grant.consentHash(), grant.provision(),
                grant.issuedAt(), false, now, null, grant.jws().compact(), null);
    }

    public ConsentRecord revoke(ConsentRevocation revocation, Instant now) {
        return new ConsentRecord(id, patient, consentHash, provision, issuedAt, true, grantedAt, now, grantJws,
                revocation.jws().compact());
    }

    /** Precedence: revoked, then a deactivated patient, then the period. */
    public EffectiveStatus effectiveStatus(Instant now, boolean patientActive) {
        if (revoked) {
            return EffectiveStatus.REVOKED;
        }
        if (!patientActive) {
            return EffectiveStatus.INACTIVE;
        }
        Period period = provision.period();
        if (period != null && period.hasEnded(now)) {
            return EffectiveStatus.EXPIRED;
        }
        if (period != null && period.hasNotStarted(now)) {
            return EffectiveStatus.NOT_YET_VALID;
        }
        return EffectiveStatus.ACTIVE;
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("id", id.value());
        json.put("patient", patient.value());
        json.put("consentHash", consentHash);
        json.set("provision", provision.toJson());
        json.put("issuedAt", issuedAt.toString());
        json.put("status", revoked ? "revoked" : "active");
        json.put("grantedAt", grantedAt.toString());
        json.put("revokedAt", revoked ? revokedAt.toString() : null);
        json.put("grantJws", grantJws);
        json.put("revokeJws", revokeJws);
        return json;
    }

    public static ConsentRecord fromJson(ObjectNode json) {
        JsonFields f = JsonFields.of(json, FIELDS);
        return new ConsentRecord(
                ConsentId.parse(f.text("id")),
                Did.parsePatient(f.text("patient")),
                f.text("consentHash"),
                Provision.parse(f.node("provision")),
                f.instant("issuedAt"),
                "revoked".equals(f.text("status")),
                f.instant("grantedAt"),
                f.optionalInstant("revokedAt").orElse(null),
                f.text("grantJws"),
                f.optionalText("revokeJws").orElse(null));
    }
}
