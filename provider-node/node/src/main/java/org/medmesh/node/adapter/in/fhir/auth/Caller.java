package org.medmesh.node.adapter.in.fhir.auth;

import java.util.List;
import java.util.Objects;

/** The authenticated caller of a request: who (token subject), their role and SMART-style scopes. */
public record Caller(String subject, Role role, List<Scope> scopes) {
    public static final String REQUEST_KEY = "medmesh.caller";

    public Caller {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(role, "role");
        scopes = List.copyOf(scopes);
    }

    /** Whether a scope grants {@code write} (or read) access to {@code resourceType} ({@code *}: any type). */
    public boolean may(String resourceType, boolean write) {
        return scopes.stream().anyMatch(scope -> scope.grants(resourceType, write));
    }

    /** A SMART v1 scope: {@code context/Type.access}, e.g. {@code user/Observation.read} or {@code system/*.*}. */
    public record Scope(String context, String type, String access) {
        public static Scope parse(String text) {
            int slash = text.indexOf('/');
            int dot = text.lastIndexOf('.');
            if (slash < 1 || dot < slash + 2 || dot == text.length() - 1) {
                throw new IllegalArgumentException("not a SMART scope");
            }
            return new Scope(text.substring(0, slash), text.substring(slash + 1, dot), text.substring(dot + 1));
        }

        boolean grants(String resourceType, boolean write) {
            boolean typeMatches = "*".equals(type) || type.equals(resourceType);
            boolean accessMatches = "*".equals(access) || (write ? "write" : "read").equals(access);
            return typeMatches && accessMatches && List.of("user", "system").contains(context);
        }
    }
}
