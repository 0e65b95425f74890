package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.malformed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses codes of a fixed vocabulary (an enum whose constant names are the codes). */
public final class Codes {

    private Codes() {
    }

    public static <E extends Enum<E>> E parse(Class<E> vocabulary, String code, String field) {
        if (code != null && code.matches("[A-Z_]{1,32}")) {
            for (E constant : vocabulary.getEnumConstants()) {
                if (constant.name().equals(code)) {
                    return constant;
                }
            }
        }
        throw malformed("field " + field + " holds an unknown code");
    }

    /** Parses a vocabulary whose wire codes are the constant names in lowercase (e.g. {@code permit}). */
    public static <E extends Enum<E>> E parseLowercase(Class<E> vocabulary, String code, String field) {
        for (E constant : vocabulary.getEnumConstants()) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(code)) {
                return constant;
            }
        }
        throw malformed("field " + field + " holds an unknown code");
    }

    public static <E extends Enum<E>> List<E> parseAll(Class<E> vocabulary, List<String> codes, String field) {
        List<E> result = new ArrayList<>();
        for (String code : codes) {
            result.add(parse(vocabulary, code, field));
        }
        return List.copyOf(result);
    }

    public static <E extends Enum<E>> List<String> names(List<E> constants) {
        return constants.stream().map(Enum::name).toList();
    }
}
