package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reading the node's JSON answers: Bundles, and OperationOutcomes summarised for a failure report. */
final class BenchIngestOutcomes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 300;

    private BenchIngestOutcomes() {}

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** The issues of an OperationOutcome body ("severity code: diagnostics"), or the start of any other body. */
    static String describe(String body) {
        JsonNode json = parse(body);
        if (!"OperationOutcome".equals(json.path("resourceType").asText())) {
            return "not an OperationOutcome: " + truncate(body == null ? "" : body.strip());
        }
        return describe(json);
    }

    static String describe(JsonNode outcome) {
        List<String> issues = new ArrayList<>();
        for (JsonNode issue : outcome.path("issue")) {
            issues.add(issue.path("severity").asText() + " " + issue.path("code").asText() + ": "
                    + truncate(issue.path("diagnostics").asText(issue.path("details").path("text").asText())));
        }
        return issues.isEmpty() ? "(no OperationOutcome)" : String.join("; ", issues.subList(0, Math.min(3,
                issues.size())));
    }

    private static String truncate(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "…";
    }
}
