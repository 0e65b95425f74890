package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.http.HttpStatus;
import java.util.Locale;

/** Why {@code POST /hl7v2} gave no acknowledgment, with the HTTP status and RFC 7807 title it maps to. */
enum Hl7v2HttpError {
    /** No bearer token, or one that does not verify. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Authentication required"),
    /** A valid token whose role or scopes do not allow writing records. */
    FORBIDDEN(HttpStatus.FORBIDDEN, "Not allowed to write records"),
    /** The body is not an HL7 v2 message at all (no MSH segment first), so there is no one to acknowledge. */
    NOT_HL7(HttpStatus.BAD_REQUEST, "Not an HL7 v2 message");

    private final HttpStatus status;
    private final String title;

    Hl7v2HttpError(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    /** The RFC 7807 problem type. */
    String type() {
        return "urn:medmesh:problem:hl7v2:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
