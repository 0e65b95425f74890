package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.medmesh.chaincode.consent.Codes;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * An emergency access without consent.
 *
 * @param reasonCode the coarse reason
 * @param reasonHash SHA-256 hex of the free-text reason kept by the holder
 */
public record BreakGlass(BreakGlassReason reasonCode, String reasonHash) {

    public BreakGlass {
        require(reasonCode != null, "break-glass needs a reasonCode");
        require(Sha256.isHexDigest(reasonHash), "reasonHash must be 64 lowercase hex digits");
    }

    public static BreakGlass parse(JsonNode node) {
        JsonFields f = JsonFields.of(node, Set.of("reasonCode", "reasonHash"));
        return new BreakGlass(Codes.parse(BreakGlassReason.class, f.text("reasonCode"), "reasonCode"),
                f.text("reasonHash"));
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("reasonCode", reasonCode.name());
        json.put("reasonHash", reasonHash);
        return json;
    }
}
