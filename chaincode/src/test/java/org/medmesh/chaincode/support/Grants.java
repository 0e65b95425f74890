package org.medmesh.chaincode.support;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;

/** Consent grant and revocation payloads as the patient-app builds them. */
public final class Grants {

    private Grants() {
    }

    /** A permit provision naming the grantee organisations. */
    public static ObjectNode permitTo(TestOrganization... grantees) {
        ObjectNode provision = CanonicalJson.object();
        provision.put("type", "permit");
        ArrayNode list = provision.putArray("grantees");
        for (TestOrganization grantee : grantees) {
            list.add(grantee.didText());
        }
        return provision;
    }

    /** A grant payload; {@code nonce} makes otherwise identical grants distinct. */
    public static ObjectNode grant(TestPatient patient, ObjectNode provision, String nonce) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("type", "medmesh.consent.grant");
        payload.put("schemaVersion", 1);
        payload.put("patient", patient.didText());
        payload.put("consentHash", Sha256.hex("FHIR Consent " + nonce));
        payload.put("issuedAt", "2026-03-01T09:00:00Z");
        payload.set("provision", provision);
        return payload;
    }

    public static ObjectNode grant(TestPatient patient, ObjectNode provision) {
        return grant(patient, provision, "1");
    }

    public static ObjectNode revocation(TestPatient patient, String consentId) {
        ObjectNode payload = CanonicalJson.object();
        payload.put("type", "medmesh.consent.revoke");
        payload.put("consentId", consentId);
        payload.put("patient", patient.didText());
        payload.put("issuedAt", Instant.parse("2026-03-02T09:00:00Z").toString());
        return payload;
    }
}
