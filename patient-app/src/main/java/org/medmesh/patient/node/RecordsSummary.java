package org.medmesh.patient.node;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.medmesh.consent.decision.HeldRecord;

/**
 * What a FHIR Bundle of the patient's records holds, counted without keeping its contents: the resources by type,
 * those received from other hospitals by the origin tag's code, and those carrying a sensitive security label. Read
 * one entry at a time (a streaming parse), so a bundle of hundreds of megabytes is never held as a tree. Strings
 * are as the node wrote them: whoever prints them must check them first.
 *
 * @param total how many resources the entries hold
 * @param kinds resources per {@code resourceType} (an entry whose type is missing or not text counts under "")
 * @param origins resources per code of their {@value #ORIGIN_SYSTEM} tag (the DID of the hospital they came from)
 * @param sensitive resources with at least one of {@link #SENSITIVE_LABELS} in {@code meta.security}
 * @param sensitiveLabels which of those labels occur, sorted
 */
public record RecordsSummary(int total, Map<String, Integer> kinds, Map<String, Integer> origins, int sensitive,
        Set<String> sensitiveLabels) {

    /** The tag a node puts on a resource it received from another hospital; its code is that hospital's DID. */
    public static final String ORIGIN_SYSTEM = HeldRecord.ORIGIN_TAG_SYSTEM;
    /**
     * Security labels (HL7 v3 ActCode sensitivity and Confidentiality) that mark a record as sensitive: mental
     * health, HIV, substance use, sexual health, sexual violence, restricted and very restricted.
     */
    public static final Set<String> SENSITIVE_LABELS =
            Set.of("PSY", "HIV", "SUD", "ETH", "SEX", "SDV", "STD", "BH", "R", "V");

    /** Reads one resource at a time from a parser mid-document, so without the check for trailing tokens. */
    private static final ObjectMapper ENTRIES = new ObjectMapper();

    public RecordsSummary {
        kinds = Map.copyOf(kinds);
        origins = Map.copyOf(origins);
        sensitiveLabels = Collections.unmodifiableSet(new TreeSet<>(sensitiveLabels));
        if (total < 0 || sensitive < 0 || sensitive > total) {
            throw new IllegalArgumentException("counts out of range");
        }
    }

    /** How many resources came from other hospitals. */
    public int received() {
        return origins.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Counts {@code json}, which must be one JSON object with {@code "resourceType": "Bundle"} whose {@code entry},
     * if any, is an array of objects, each {@code resource} an object; other fields are skipped unread.
     *
     * @throws IllegalArgumentException if it is not such a document
     */
    public static RecordsSummary of(byte[] json) {
        Tally tally = new Tally();
        read(json, tally::add);
        return tally.summary();
    }

    /**
     * Each resource of {@code json} (a Bundle as for {@link #of}) as the holder's release rules see it: type, every
     * security label code, and whether it carries the origin tag. An entry without a textual type has type "".
     *
     * @throws IllegalArgumentException if it is not such a document
     */
    public static List<HeldRecord> held(byte[] json) {
        List<HeldRecord> held = new ArrayList<>();
        read(json, resource -> {
            JsonNode type = resource.get("resourceType");
            Set<String> labels = new HashSet<>();
            resource.path("meta").path("security").forEach(label -> {
                if (label.path("code").isTextual()) {
                    labels.add(label.get("code").textValue());
                }
            });
            held.add(new HeldRecord(type != null && type.isTextual() ? type.textValue() : "", labels,
                    origin(resource) != null));
        });
        return held;
    }

    private static void read(byte[] json, Consumer<JsonNode> resources) {
        try (JsonParser parser = ENTRIES.createParser(json)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            require(parser.nextToken() == JsonToken.START_OBJECT, "not a JSON object");
            boolean bundle = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (field.equals("resourceType")) {
                    bundle = value == JsonToken.VALUE_STRING && parser.getText().equals("Bundle");
                } else if (field.equals("entry")) {
                    entries(parser, resources);
                } else {
                    parser.skipChildren();
                }
            }
            require(parser.nextToken() == null, "text after the JSON object");
            require(bundle, "not a FHIR Bundle");
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
    }

    private static void entries(JsonParser parser, Consumer<JsonNode> resources) throws IOException {
        require(parser.currentToken() == JsonToken.START_ARRAY, "entry is not an array");
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            require(parser.currentToken() == JsonToken.START_OBJECT, "an entry is not an object");
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("resource")) {
                    require(parser.currentToken() == JsonToken.START_OBJECT, "a resource is not an object");
                    resources.accept(ENTRIES.readTree(parser));
                } else {
                    parser.skipChildren();
                }
            }
        }
    }

    /** The code of the resource's origin tag: the DID of the hospital it came from; null if it has none. */
    private static String origin(JsonNode resource) {
        for (JsonNode tag : resource.path("meta").path("tag")) {
            if (ORIGIN_SYSTEM.equals(tag.path("system").textValue()) && tag.path("code").isTextual()) {
                return tag.get("code").textValue();
            }
        }
        return null;
    }

    private static void require(boolean condition, String what) {
        if (!condition) {
            throw new IllegalArgumentException(what);
        }
    }

    /** The counts so far. */
    private static final class Tally {
        private final Map<String, Integer> kinds = new HashMap<>();
        private final Map<String, Integer> origins = new HashMap<>();
        private final Set<String> labels = new TreeSet<>();
        private int total;
        private int sensitive;

        void add(JsonNode resource) {
            total++;
            JsonNode type = resource.get("resourceType");
            kinds.merge(type != null && type.isTextual() ? type.textValue() : "", 1, Integer::sum);
            JsonNode meta = resource.path("meta");
            String origin = origin(resource);
            if (origin != null) {
                origins.merge(origin, 1, Integer::sum);
            }
            boolean marked = false;
            for (JsonNode label : meta.path("security")) {
                String code = label.path("code").textValue();
                if (code != null && SENSITIVE_LABELS.contains(code)) {
                    labels.add(code);
                    marked = true;
                }
            }
            if (marked) {
                sensitive++;
            }
        }

        RecordsSummary summary() {
            return new RecordsSummary(total, kinds, origins, sensitive, labels);
        }
    }
}
