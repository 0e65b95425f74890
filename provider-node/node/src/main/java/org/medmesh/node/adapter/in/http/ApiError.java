package org.medmesh.node.adapter.in.http;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/** Why a request to the node's JSON API failed, with the HTTP status and RFC 7807 title it maps to. */
public enum ApiError {
    /** No bearer token, or one that does not verify. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    /** A valid token whose role or scopes do not allow this. */
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed"),
    /** The body or a parameter is malformed. */
    BAD_REQUEST(HttpStatus.BAD_REQUEST, "Bad request"),
    /** A signature, challenge response or document that does not verify. */
    NOT_VERIFIED(HttpStatus.UNPROCESSABLE_ENTITY, "Not verified"),
    /** The request was understood and recorded, and refused: the patient's consent does not allow it. */
    DENIED(HttpStatus.FORBIDDEN, "Access denied"),
    /** The request was already made once (a replay) or conflicts with the current state. */
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    /** Nothing by that name. */
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    /** The ledger refused the operation; nothing changed. */
    LEDGER_REFUSED(HttpStatus.CONFLICT, "Refused by the ledger"),
    /** The ledger could not be reached or timed out; the operation may be retried. */
    LEDGER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Ledger unavailable");

    private final HttpStatus status;
    private final String title;

    ApiError(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The RFC 7807 problem type. */
    public String type() {
        return "urn:medmesh:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
