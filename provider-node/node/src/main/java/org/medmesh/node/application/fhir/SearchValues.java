package org.medmesh.node.application.fhir;

import java.util.ArrayList;
import java.util.List;

/** FHIR search-value escaping (R4 search 3.1.1.5.3): {@code \,}, {@code \|}, {@code \$} and {@code \\}. */
final class SearchValues {
    private SearchValues() {}

    /** Splits on unescaped {@code separator} and removes the escapes of that separator only. */
    static List<String> split(String value, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                if (next != separator) {
                    part.append(c);
                }
                part.append(next);
            } else if (c == separator) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** Splits at the first unescaped {@code separator}; one element when there is none. */
    static List<String> splitFirst(String value, char separator) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == separator) {
                return List.of(value.substring(0, i), value.substring(i + 1));
            }
        }
        return List.of(value);
    }

    /** Removes the remaining escapes. */
    static String unescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder plain = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}
