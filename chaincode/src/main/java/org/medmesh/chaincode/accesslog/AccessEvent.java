package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.medmesh.chaincode.consent.Codes;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * One request decision as the holder reports it. A permit rests on exactly one of a consent or a break-glass;
 * a deny carries a coarse reason and releases nothing.
 *
 * @param eventId client-chosen unique id (e.g. a UUID)
 * @param requester the requesting organisation
 * @param holder the organisation holding the records, the one that writes this event
 * @param patient the patient's (pairwise) DID
 * @param consentId the consent relied on, or null
 * @param breakGlass the emergency justification, or null
 * @param purpose the purpose of use claimed by the requester
 * @param decision permit or deny
 * @param reasonCode deny only
 * @param count number of resources released
 * @param releasedHash SHA-256 hex of what was released; required when count &gt; 0
 */
public record AccessEvent(
        String eventId,
        Did requester,
        Did holder,
        Did patient,
        ConsentId consentId,
        BreakGlass breakGlass,
        PurposeOfUse purpose,
        Decision decision,
        DenyReason reasonCode,
        long count,
        String releasedHash) {

    /** Client-chosen ids must not contain the '|' that separates index key parts. */
    public static final String EVENT_ID = "[A-Za-z0-9._-]{1,64}";
    private static final Set<String> FIELDS = Set.of("eventId", "requester", "holder", "patient", "consentId",
            "breakGlass", "purpose", "decision", "reasonCode", "count", "releasedHash");

    public AccessEvent {
        require(eventId != null && eventId.matches(EVENT_ID), "eventId must match " + EVENT_ID);
        require(requester != null && requester.isOrganization(), "requester must be an organisation DID");
        require(holder != null && holder.isOrganization(), "holder must be an organisation DID");
        require(patient != null && purpose != null && decision != null, "patient, purpose and decision are required");
        require(count >= 0, "count must not be negative");
        require(releasedHash == null || Sha256.isHexDigest(releasedHash), "releasedHash must be 64 lowercase hex");
        if (decision == Decision.PERMIT) {
            requirePermitShape(consentId, breakGlass, purpose, reasonCode, count, releasedHash);
        } else {
            require(reasonCode != null, "a deny needs a reasonCode");
            require(breakGlass == null, "break-glass is for permits only");
            require(count == 0 && releasedHash == null, "a deny releases nothing");
        }
    }

    private static void requirePermitShape(ConsentId consentId, BreakGlass breakGlass, PurposeOfUse purpose,
                                           DenyReason reasonCode, long count, String releasedHash) {
        require(reasonCode == null, "a permit has no reasonCode");
        require((consentId == null) != (breakGlass == null), "a permit needs exactly one of consentId or breakGlass");
        require(breakGlass == null || purpose == PurposeOfUse.ETREAT, "break-glass requires purpose ETREAT");
        require(count == 0 || releasedHash != null, "releasedHash is required when count > 0");
    }

    public static AccessEvent parse(String json) {
        JsonFields f = JsonFields.of(CanonicalJson.parseObject(json), FIELDS);
        return new AccessEvent(
                f.text("eventId"),
                Did.parseOrganization(f.text("requester")),
                Did.parseOrganization(f.text("holder")),
                Did.parse(f.text("patient")),
                f.optionalText("consentId").map(ConsentId::parse).orElse(null),
                f.optionalNode("breakGlass").map(BreakGlass::parse).orElse(null),
                Codes.parse(PurposeOfUse.class, f.text("purpose"), "purpose"),
                Decision.parse(f.text("decision")),
                f.optionalText("reasonCode").map(c -> Codes.parse(DenyReason.class, c, "reasonCode")).orElse(null),
                f.integer("count", 0, Integer.MAX_VALUE),
                f.optionalText("releasedHash").orElse(null));
    }

    /** The stored shape: every field present, absent ones as null, so all records look alike. */
    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("eventId", eventId);
        json.put("requester", requester.value());
        json.put("holder", holder.value());
        json.put("patient", patient.value());
        json.put("consentId", consentId == null ? null : consentId.value());
        json.set("breakGlass", breakGlass == null ? CanonicalJson.nodes().nullNode() : breakGlass.toJson());
        json.put("purpose", purpose.name());
        json.put("decision", decision.code());
        json.put("reasonCode", reasonCode == null ? null : reasonCode.name());
        json.put("count", count);
        json.put("releasedHash", releasedHash);
        return json;
    }
}
