package org.medmesh.fhirstore;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** String search's normal form and the lengths the index columns hold. */
final class Text {
    /** Index columns for strings hold this many characters; longer values are indexed by their start. */
    static final int STRING_LENGTH = 200;
    /** Token systems and codes. */
    static final int TOKEN_LENGTH = 500;

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Text() {}

    /** Lower case without accents: {@code "Müller"} and {@code "MULLER"} both become {@code "muller"}. */
    static String normalize(String value) {
        String decomposed = Normalizer.normalize(value, Normalizer.Form.NFD);
        return clip(MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT), STRING_LENGTH);
    }

    static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    /** A LIKE pattern matching values that start with the given text ({@code \} escapes). */
    static String prefixPattern(String normalized) {
        return normalized.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
