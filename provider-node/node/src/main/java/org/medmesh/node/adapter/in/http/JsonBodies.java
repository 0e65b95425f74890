package org.medmesh.node.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads the small JSON request bodies of the JSON API; anything malformed is a 400 naming the field. */
public final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 1 << 20;

    private JsonBodies() {}

    /** The named text field of a JSON object body. */
    public static String text(String body, String field) {
        return optionalText(body, field).orElseThrow(() ->
                new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be a non-empty string"));
    }

    /** The id of the local Patient the body's {@code "patient"} field references, e.g. {@code Patient/123}. */
    public static String patientId(String body) {
        String reference = text(body, "patient");
        if (!reference.matches("Patient/[A-Za-z0-9\\-.]{1,64}")) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"patient\" must be a reference such as Patient/123");
        }
        return reference.substring("Patient/".length());
    }

    /** The named text field, if the body has it; present but not a non-empty string is a 400. */
    public static Optional<String> optionalText(String body, String field) {
        JsonNode value = object(body, field).get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > MAX_FIELD) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be a non-empty string");
        }
        return Optional.of(value.textValue());
    }

    /** The named array of strings; absent is empty. */
    public static List<String> texts(String body, String field) {
        JsonNode value = object(body, field).get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray() || value.size() > 1_000) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be an array of strings");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.textValue().isEmpty()) {
                throw new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be an array of strings");
            }
            texts.add(item.textValue());
        }
        return texts;
    }

    private static JsonNode object(String body, String field) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "a JSON body with \"" + field + "\" is required");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new ApiException(ApiError.BAD_REQUEST, "the body must be a JSON object");
        }
        return node;
    }

    /** The named field, base64url without padding, as bytes. */
    public static byte[] base64Url(String body, String field) {
        String text = text(body, field);
        if (!text.matches("[A-Za-z0-9_-]+")) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be base64url without padding");
        }
        return Base64.getUrlDecoder().decode(text);
    }
}
