package org.medmesh.fhirstore;

import java.util.Locale;

/** FHIR's comparison prefixes for ordered values (R4 search, 3.1.1.4.2). */
public enum Prefix {
    EQ, NE, LT, GT, LE, GE, SA, EB, AP;

    /** The prefix as written in a query ({@code ge}); a missing prefix means {@code eq}. */
    public static Prefix parse(String text) {
        if (text == null || text.isEmpty()) {
            return EQ;
        }
        return valueOf(text.toUpperCase(Locale.ROOT));
    }
}
