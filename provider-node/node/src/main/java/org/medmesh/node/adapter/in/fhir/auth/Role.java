package org.medmesh.node.adapter.in.fhir.auth;

import java.util.Locale;

/** A local user's role at the hospital. */
public enum Role {
    /** Reads and writes clinical records through the hospital's EHR. */
    CLINICIAN,
    /** Everything, including deletes, transactions and batches (bulk loads from the EHR). */
    ADMIN,
    /** Reads the audit trail (AuditEvent, Provenance) only. */
    AUDITOR;

    public static Role parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be clinician, admin or auditor");
        }
    }

    public String claim() {
        return name().toLowerCase(Locale.ROOT);
    }
}
