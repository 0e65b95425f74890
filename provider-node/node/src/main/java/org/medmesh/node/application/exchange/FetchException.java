package org.medmesh.node.application.exchange;

import java.util.Objects;

/** A clinician's fetch that cannot start; nothing was sent to any holder. */
public final class FetchException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Reason {
        /** The order is malformed (purpose, classes, break-glass reason). */
        MALFORMED,
        /** No live local Patient with this id. */
        UNKNOWN_PATIENT,
        /** The patient has not linked their DID at any (or at the named) other hospital to this one. */
        NOT_LINKED,
        /** No fetch with this id (or it was forgotten). */
        UNKNOWN_FETCH
    }

    private final Reason reason;

    public FetchException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
