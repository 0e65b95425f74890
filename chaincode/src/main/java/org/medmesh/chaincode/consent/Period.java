package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * When a provision applies; either end may be open.
 *
 * @param start first instant it applies (null: no lower bound)
 * @param end last instant it applies (null: no upper bound)
 */
public record Period(Instant start, Instant end) {

    public Period {
        require(start != null || end != null, "period needs a start or an end");
        require(start == null || end == null || !start.isAfter(end), "period start is after its end");
    }

    public static Period parse(JsonNode node) {
        JsonFields f = JsonFields.of(node, Set.of("start", "end"));
        return new Period(f.optionalInstant("start").orElse(null), f.optionalInstant("end").orElse(null));
    }

    public boolean hasEnded(Instant now) {
        return end != null && now.isAfter(end);
    }

    public boolean hasNotStarted(Instant now) {
        return start != null && now.isBefore(start);
    }

    public ObjectNode toJson() {
        ObjectNode json = CanonicalJson.object();
        if (start != null) {
            json.put("start", start.toString());
        }
        if (end != null) {
            json.put("end", end.toString());
        }
        return json;
    }
}
