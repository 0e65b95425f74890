package org.medmesh.chaincode.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;

/** Access-log payloads as a holder's node writes them: hospital 2 requests, hospital 1 holds. */
public final class AccessEvents {

    private AccessEvents() {
    }

    /** A permit of hospital 2's TREAT request to hospital 1, relying on {@code consentId}. */
    public static ObjectNode permit(String eventId, TestPatient patient, String consentId) {
        ObjectNode event = base(eventId, patient, "permit");
        event.put("consentId", consentId);
        event.put("count", 3);
        event.put("releasedHash", Sha256.hex("bundle " + eventId));
        return event;
    }

    public static ObjectNode deny(String eventId, TestPatient patient, String reasonCode) {
        ObjectNode event = base(eventId, patient, "deny");
        event.put("reasonCode", reasonCode);
        event.put("count", 0);
        return event;
    }

    public static ObjectNode breakGlass(String eventId, TestPatient patient) {
        ObjectNode event = base(eventId, patient, "permit");
        event.put("purpose", "ETREAT");
        ObjectNode reason = event.putObject("breakGlass");
        reason.put("reasonCode", "UNCONSCIOUS");
        reason.put("reasonHash", Sha256.hex("free-text reason kept by the holder"));
        event.put("count", 1);
        event.put("releasedHash", Sha256.hex("bundle " + eventId));
        return event;
    }

    public static ObjectNode anchor(String batchId) {
        ObjectNode anchor = CanonicalJson.object();
        anchor.put("holder", LedgerTest.HOSPITAL1.didText());
        anchor.put("batchId", batchId);
        anchor.put("merkleRoot", Sha256.hex("root " + batchId));
        anchor.put("count", 10);
        anchor.put("from", "2026-03-01T00:00:00Z");
        anchor.put("to", "2026-03-01T23:59:59Z");
        return anchor;
    }

    private static ObjectNode base(String eventId, TestPatient patient, String decision) {
        ObjectNode event = CanonicalJson.object();
        event.put("eventId", eventId);
        event.put("requester", LedgerTest.HOSPITAL2.didText());
        event.put("holder", LedgerTest.HOSPITAL1.didText());
        event.put("patient", patient.didText());
        event.put("purpose", "TREAT");
        event.put("decision", decision);
        return event;
    }
}
