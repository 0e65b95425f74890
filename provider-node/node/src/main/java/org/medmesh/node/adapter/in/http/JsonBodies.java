package org.medmesh.node.adapter.in.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Base64;

/** Reads the small JSON request bodies of the JSON API; anything malformed is a 400 naming the field. */
public final class JsonBodies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_FIELD = 1 << 20;

    private JsonBodies() {}

    /** The named text field of a JSON object body. */
    public static String text(String body, String field) {
        if (body == null || body.isBlank()) {
            throw new ApiException(ApiError.BAD_REQUEST, "a JSON body with \"" + field + "\" is required");
        }
        JsonNode node;
        try {
            node = JSON.readTree(body);
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "the body is not JSON");
        }
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isEmpty() || value.textValue().length() > MAX_FIELD) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"" + field + "\" must be a non-empty string");
        }
        return value.textValue();
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
