package org.medmesh.node.cli;

import org.medmesh.node.adapter.in.fhir.auth.Role;

/** The scopes a role's token carries unless told otherwise. */
public final class Tokens {
    private Tokens() {}

    public static String defaultScopes(Role role) {
        return switch (role) {
            case CLINICIAN -> "user/*.read user/*.write";
            case ADMIN -> "system/*.*";
            case AUDITOR -> "user/AuditEvent.read user/Provenance.read";
        };
    }
}
