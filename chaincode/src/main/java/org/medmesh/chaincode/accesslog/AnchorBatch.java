package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * A holder's commitment to a batch of its off-chain audit entries: the Merkle root lets an auditor prove later
 * that none was altered or dropped.
 *
 * @param holder the anchoring organisation
 * @param batchId the holder's id for the batch
 * @param merkleRoot SHA-256 hex Merkle root over the batch
 * @param count number of entries in the batch
 * @param from time of the first entry
 * @param to time of the last entry
 */
public record AnchorBatch(Did holder, String batchId, String merkleRoot, long count, Instant from, Instant to) {

    private static final Set<String> FIELDS = Set.of("holder", "batchId", "merkleRoot", "count", "from", "to");

    public AnchorBatch {
        require(holder != null && holder.isOrganization(), "holder must be an organisation DID");
        require(batchId != null && batchId.matches(AccessEvent.EVENT_ID), "batchId must match " + AccessEvent.EVENT_ID);
        require(Sha256.isHexDigest(merkleRoot), "merkleRoot must be 64 lowercase hex digits");
        require(count >= 1, "a batch holds at least one entry");
        require(from != null && to != null && !from.isAfter(to), "from must not be after to");
    }

    public static String key(Did holder, String batchId) {
        return "anchor|" + holder.value() + "|" + batchId;
    }

    public static AnchorBatch parse(String json) {
        JsonFields f = JsonFields.of(CanonicalJson.parseObject(json), FIELDS);
        return new AnchorBatch(Did.parseOrganization(f.text("holder")), f.text("batchId"), f.text("merkleRoot"),
                f.integer("count", 1, CanonicalJson.MAX_SAFE_INTEGER), f.instant("from"), f.instant("to"));
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("holder", holder.value());
        json.put("batchId", batchId);
        json.put("merkleRoot", merkleRoot);
        json.put("count", count);
        json.put("from", from.toString());
        json.put("to", to.toString());
        return json;
    }
}
