package org.medmesh.chaincode.json;

import static org.medmesh.chaincode.error.Refusals.malformed;
import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Strict, typed access to the fields of one JSON object. Unknown fields are refused so that a signed payload
 * cannot carry data that the ledger silently drops. Refusal messages name fields, never their values.
 */
public final class JsonFields {

    /** Bounds every array so that one transaction cannot write an unbounded record. */
    public static final int MAX_ARRAY_SIZE = 100;

    private final JsonNode node;

    private JsonFields(JsonNode node) {
        this.node = node;
    }

    /** Wraps an object whose field names are all in {@code allowed}. */
    public static JsonFields of(JsonNode node, Set<String> allowed) {
        require(node != null && node.isObject(), "expected a JSON object");
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            // The name is client text: keep it out of the message.
            require(allowed.contains(name), "payload has an unknown field");
        }
        return new JsonFields(node);
    }

    public boolean isPresent(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public JsonNode node(String name) {
        require(isPresent(name), "missing field " + name);
        return node.get(name);
    }

    public Optional<JsonNode> optionalNode(String name) {
        return isPresent(name) ? Optional.of(node.get(name)) : Optional.empty();
    }

    public String text(String name) {
        JsonNode value = node(name);
        require(value.isTextual() && !value.textValue().isEmpty(), "field " + name + " must be a non-empty string");
        return value.textValue();
    }

    public Optional<String> optionalText(String name) {
        return isPresent(name) ? Optional.of(text(name)) : Optional.empty();
    }

    public long integer(String name, long min, long max) {
        JsonNode value = node(name);
        require(value.isIntegralNumber() && value.canConvertToLong(), "field " + name + " must be an integer");
        long result = value.longValue();
        require(result >= min && result <= max, "field " + name + " is out of range");
        return result;
    }

    /** An ISO-8601 instant such as {@code 2026-01-31T12:00:00Z}. */
    public Instant instant(String name) {
        String text = text(name);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw malformed("field " + name + " must be an ISO-8601 instant");
        }
    }

    public Optional<Instant> optionalInstant(String name) {
        return isPresent(name) ? Optional.of(instant(name)) : Optional.empty();
    }

    public boolean bool(String name) {
        JsonNode value = node(name);
        require(value.isBoolean(), "field " + name + " must be a boolean");
        return value.booleanValue();
    }

    /** An optional array of distinct non-empty strings; absent means empty. */
    public List<String> textArray(String name) {
        Optional<JsonNode> array = array(name);
        if (array.isEmpty()) {
            return List.of();
        }
        JsonNode value = array.get();
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode element : value) {
            require(element.isTextual() && !element.textValue().isEmpty(), "field " + name + " must hold strings");
            require(seen.add(element.textValue()), "field " + name + " has duplicate elements");
            result.add(element.textValue());
        }
        return List.copyOf(result);
    }

    /** An optional array of objects; absent means empty. */
    public List<JsonNode> objectArray(String name) {
        List<JsonNode> result = new ArrayList<>();
        array(name).ifPresent(value -> value.forEach(result::add));
        return List.copyOf(result);
    }

    private Optional<JsonNode> array(String name) {
        if (!isPresent(name)) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        require(value.isArray(), "field " + name + " must be an array");
        require(value.size() <= MAX_ARRAY_SIZE, "field " + name + " has too many elements");
        return Optional.of(value);
    }
}
