package org.medmesh.fhir.labels;

/** A sensitivity rules file could not be read or holds an incomplete rule; nothing was loaded. */
public final class InvalidRulesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
