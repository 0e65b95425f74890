package org.medmesh.node.application.consent;

import java.util.Objects;

/** A consent request this node refuses before it reaches the ledger; nothing was changed. */
public final class ConsentRefusedException extends RuntimeException {
    /** Why. */
    public enum Reason {
        /** The grant or the document is not well formed. */
        MALFORMED,
        /** The signed FHIR Consent says something the ledger's provision tree cannot express. */
        NOT_EXPRESSIBLE,
        /** The document is not the one the grant's hash covers, or it says something else than the grant. */
        DOCUMENT_MISMATCH,
        /** No such consent on the ledger. */
        UNKNOWN_CONSENT
    }

    private final Reason reason;

    public ConsentRefusedException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
