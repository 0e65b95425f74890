package org.medmesh.fhir.labels;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;

/**
 * The whole rule set, as read from JSON ({@code {"rules": [{"labels": [...], "why": "...", "match": [...]}]}}).
 *
 * @param rules the rules, all applied
 */
public record SensitivityRules(List<LabelRule> rules) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public SensitivityRules {
        rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    }

    /**
     * Reads a rule set.
     *
     * @throws InvalidRulesException if the JSON is malformed or a rule is incomplete
     */
    public static SensitivityRules read(InputStream json, String origin) {
        try {
            SensitivityRules read = JSON.readValue(json, SensitivityRules.class);
            if (read == null) {
                throw new InvalidRulesException(origin + ": empty rules file", null);
            }
            return read;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidRulesException(origin + ": " + e.getMessage(), e);
        }
    }
}
