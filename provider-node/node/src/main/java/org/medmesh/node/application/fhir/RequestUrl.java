package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A relative FHIR URL as Bundle entries and conditional references carry it: {@code Type}, {@code Type/id},
 * {@code Type/id/_history/n} or {@code Type?query}. The query is decoded ({@code %XX} only: a {@code +} stays a
 * plus, as in unencoded time zones).
 */
record RequestUrl(String type, String id, Long version, Map<String, List<String>> params) {
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z]+");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    RequestUrl {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    static RequestUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidRequestException("the request has no url");
        }
        String text = url.startsWith("/") ? url.substring(1) : url;
        int question = text.indexOf('?');
        String path = question < 0 ? text : text.substring(0, question);
        Map<String, List<String>> params = question < 0 ? Map.of() : query(text.substring(question + 1));
        String[] segments = path.split("/", -1);
        if (!TYPE.matcher(segments[0]).matches()) {
            throw new InvalidRequestException("the url does not start with a resource type (absolute URLs and "
                    + "operations are not supported)");
        }
        if (segments.length == 1) {
            return new RequestUrl(segments[0], null, null, params);
        }
        if (question >= 0 || !ID.matcher(segments[1]).matches()) {
            throw new InvalidRequestException("the url is neither Type/id nor Type?query");
        }
        if (segments.length == 2) {
            return new RequestUrl(segments[0], segments[1], null, params);
        }
        if (segments.length == 4 && segments[2].equals("_history") && segments[3].matches("[1-9]\\d{0,17}")) {
            return new RequestUrl(segments[0], segments[1], Long.parseLong(segments[3]), params);
        }
        throw new InvalidRequestException("the url is not a supported Type/id/... form");
    }

    /** {@code Type?query} without an id: a conditional operation or reference. */
    boolean isConditional() {
        return id == null && !params.isEmpty();
    }

    /** The same for every spelling of the same conditions (parameter order ignored), for caches. */
    String conditionKey() {
        List<String> pairs = new ArrayList<>();
        params.forEach((name, values) -> values.forEach(value -> pairs.add(name + "=" + value)));
        Collections.sort(pairs);
        return type + "?" + String.join("&", pairs);
    }

    private static Map<String, List<String>> query(String query) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
        }
        return params;
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.charAt(i) != '%') {
                int end = text.indexOf('%', i);
                end = end < 0 ? text.length() : end;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            } else if (i + 2 < text.length() && isHex(text, i + 1) && isHex(text, i + 2)) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                throw new InvalidRequestException("the url has a malformed %-escape");
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static boolean isHex(String text, int index) {
        return Character.digit(text.charAt(index), 16) >= 0;
    }
}
