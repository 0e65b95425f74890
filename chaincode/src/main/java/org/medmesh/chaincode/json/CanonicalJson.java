package org.medmesh.chaincode.json;

import static org.medmesh.chaincode.error.Refusals.malformed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 (JSON Canonicalization Scheme) writer and a strict parser. All ledger state, events and hashed
 * payloads go through here, so endorsers agree byte for byte and hashes do not depend on how a client spaced
 * or ordered its JSON.
 */
public final class CanonicalJson {

    /** Largest integer every JSON implementation (IEEE 754 double) represents exactly: 2^53 - 1. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;

    private static final JsonMapper MAPPER = JsonMapper.builder()
            // Same switch as JsonParser.Feature.STRICT_DUPLICATE_DETECTION: {"a":1,"a":2} means different
            // things to different parsers, so a signed payload must not contain it.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /** Parses one JSON value; duplicate keys, trailing content and non-JSON literals are MALFORMED_INPUT. */
    public static JsonNode parse(String json) {
        if (json == null || json.isEmpty()) {
            throw malformed("empty JSON input");
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw malformed("empty JSON input");
            }
            return node;
        } catch (JsonProcessingException e) {
            // Jackson's message may quote the input, which could be anything: keep it out of the refusal.
            throw malformed("input is not strict JSON");
        }
    }

    /** Parses a JSON object; anything else is MALFORMED_INPUT. */
    public static ObjectNode parseObject(String json) {
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw malformed("JSON input must be an object");
        }
        return (ObjectNode) node;
    }

    /** The canonical (RFC 8785) text of the value. */
    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder();
        writeValue(node, out);
        return out.toString();
    }

    /** The canonical text as UTF-8, the bytes that are stored and hashed. */
    public static byte[] bytes(JsonNode node) {
        return write(node).getBytes(StandardCharsets.UTF_8);
    }

    private static void writeValue(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> writeObject(node, out);
            case ARRAY -> writeArray(node, out);
            case STRING -> writeString(node.textValue(), out);
            case NUMBER -> writeNumber(node, out);
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw malformed("value has no JSON form");
        }
    }

    private static void writeObject(JsonNode node, StringBuilder out) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        // String.compareTo compares UTF-16 code units, which is exactly the order RFC 8785 prescribes.
        names.sort(String::compareTo);
        out.append('{');
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(names.get(i), out);
            out.append(':');
            writeValue(node.get(names.get(i)), out);
        }
        out.append('}');
    }

    private static void writeArray(JsonNode node, StringBuilder out) {
        out.append('[');
        Iterator<JsonNode> elements = node.elements();
        boolean first = true;
        while (elements.hasNext()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeValue(elements.next(), out);
        }
        out.append(']');
    }

    /*
     * Only integers within +/-(2^53 - 1) are accepted. RFC 8785 serializes other numbers with ECMAScript's
     * shortest round-trip double formatting, which we do not implement: our schemas need integers only, and
     * refusing the rest keeps canonical bytes unambiguous.
     */
    private static void writeNumber(JsonNode node, StringBuilder out) {
        if (!node.isIntegralNumber()) {
            throw malformed("only integer numbers are accepted");
        }
        BigInteger value = node.bigIntegerValue();
        if (value.abs().compareTo(BigInteger.valueOf(MAX_SAFE_INTEGER)) > 0) {
            throw malformed("integer outside the exactly representable range");
        }
        out.append(value.toString());
    }

    private static void writeString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                i = appendSurrogatePair(value, i, out);
            } else {
                appendChar(c, out);
            }
        }
        out.append('"');
    }

    /** Lone surrogates cannot be encoded as UTF-8, so RFC 8785 input must not contain them. */
    private static int appendSurrogatePair(String value, int i, StringBuilder out) {
        boolean paired = Character.isHighSurrogate(value.charAt(i))
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
            throw malformed("string contains a lone surrogate");
        }
        out.append(value, i, i + 2);
        return i + 1;
    }

    private static void appendChar(char c, StringBuilder out) {
        switch (c) {
            case '"' -> out.append("\\\"");
            case '\\' -> out.append("\\\\");
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (c < 0x20) {
                    out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                } else {
                    out.append(c);
                }
            }
        }
    }
}
