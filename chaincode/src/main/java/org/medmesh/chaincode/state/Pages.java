package org.medmesh.chaincode.state;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;
import org.medmesh.chaincode.json.CanonicalJson;

/** Turns a paginated ledger query into the {@code {"records":[...],"bookmark":"..."}} every list transaction returns. */
public final class Pages {

    public static final int MAX_PAGE_SIZE = 100;

    private Pages() {
    }

    /** Page sizes arrive as strings (all transaction arguments do) and must be 1..100. */
    public static int pageSize(String text) {
        require(text != null && text.matches("[0-9]{1,3}"), "pageSize must be an integer");
        int size = Integer.parseInt(text);
        require(size >= 1 && size <= MAX_PAGE_SIZE, "pageSize must be between 1 and 100");
        return size;
    }

    public static String bookmark(String text) {
        return text == null ? "" : text;
    }

    /** Maps each key/value of the page to a record; a null record is skipped. */
    public static String collect(QueryResultsIteratorWithMetadata<KeyValue> results, Function<KeyValue, JsonNode> toRecord) {
        try (results) {
            ArrayNode records = CanonicalJson.nodes().arrayNode();
            for (KeyValue kv : results) {
                JsonNode record = toRecord.apply(kv);
                if (record != null) {
                    records.add(record);
                }
            }
            ObjectNode page = CanonicalJson.object();
            page.set("records", records);
            page.put("bookmark", results.getMetadata() == null ? "" : results.getMetadata().getBookmark());
            return CanonicalJson.write(page);
        }
    }
}
