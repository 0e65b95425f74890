package org.medmesh.node.application.enrolment;

import java.util.Objects;

/** An enrolment step refused; nothing was linked. */
public final class EnrolmentException extends RuntimeException {
    /** Why. */
    public enum Reason {
        /** The local Patient does not exist. */
        UNKNOWN_PATIENT,
        /** The code is unknown, used or expired. */
        CODE_NOT_OPEN,
        /** The response is malformed, or its signature, audience, code or age does not verify. */
        NOT_VERIFIED,
        /** The DID in the response is not registered (or deactivated) on the ledger. */
        UNKNOWN_DID
    }

    private final Reason reason;

    public EnrolmentException(Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
