package org.medmesh.fhirstore;

/**
 * One token to match: {@code system|code}. A null system matches any system, an empty system matches codes without
 * one ({@code |code}), and a null code with a system matches every code of that system ({@code system|}).
 */
public record Token(String system, String code) {
    public Token {
        if (code == null && (system == null || system.isEmpty())) {
            throw new IllegalArgumentException("a token needs a code or a system");
        }
    }

    /** A code in any system. */
    public static Token code(String code) {
        return new Token(null, code);
    }
}
