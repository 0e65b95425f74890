package org.medmesh.fhir.labels;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A range of hierarchical codes matched by prefix, as ICD-10 chapters are written: {@code B20-B24} matches every code
 * whose first three characters lie between B20 and B24 (B20, B21.3, B24…); {@code T74.2} matches T74.2 and everything
 * under it (T74.21XA). Dots and case are ignored, so {@code F32.A} and {@code f32a} are the same code.
 *
 * @param from first prefix of the range, normalised
 * @param to last prefix of the range, normalised, as long as {@code from}
 */
public record CodeRange(String from, String to) {

    public CodeRange {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isEmpty() || from.length() != to.length()) {
            throw new IllegalArgumentException("a code range needs two non-empty bounds of the same length: " + from + "-" + to);
        }
        if (from.compareTo(to) > 0) {
            throw new IllegalArgumentException("a code range must not run backwards: " + from + "-" + to);
        }
    }

    /** Reads {@code "B20-B24"} (a range) or {@code "Z21"} (a single prefix). */
    @JsonCreator
    public static CodeRange parse(String text) {
        Objects.requireNonNull(text, "text");
        int dash = text.indexOf('-');
        if (dash < 0) {
            String prefix = normalise(text);
            return new CodeRange(prefix, prefix);
        }
        return new CodeRange(normalise(text.substring(0, dash)), normalise(text.substring(dash + 1)));
    }

    /** Whether {@code code} lies in this range. */
    public boolean contains(String code) {
        String normalised = normalise(code);
        if (normalised.length() < from.length()) {
            return false;
        }
        String prefix = normalised.substring(0, from.length());
        return prefix.compareTo(from) >= 0 && prefix.compareTo(to) <= 0;
    }

    @JsonValue
    @Override
    public String toString() {
        return from.equals(to) ? from : from + "-" + to;
    }

    static String normalise(String code) {
        return code.strip().replace(".", "").toUpperCase(Locale.ROOT);
    }
}
