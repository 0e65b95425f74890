package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.serde.annotation.Serdeable;

/** An RFC 7807 problem detail, as {@code application/problem+json}. */
@Serdeable
record Problem(String type, String title, int status, String detail) {
    static Problem of(Hl7v2HttpException e) {
        return new Problem(e.error().type(), e.error().title(), e.error().status().getCode(), e.getMessage());
    }
}
