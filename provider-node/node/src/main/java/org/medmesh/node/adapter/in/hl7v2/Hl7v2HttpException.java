package org.medmesh.node.adapter.in.hl7v2;

import java.util.Objects;

/** {@code POST /hl7v2} answered without an acknowledgment; mapped to problem+json by {@link Hl7v2HttpErrors}. */
final class Hl7v2HttpException extends RuntimeException {
    private final Hl7v2HttpError error;

    Hl7v2HttpException(Hl7v2HttpError error, String detail) {
        super(detail, null, false, false);
        this.error = Objects.requireNonNull(error, "error");
    }

    Hl7v2HttpError error() {
        return error;
    }
}
