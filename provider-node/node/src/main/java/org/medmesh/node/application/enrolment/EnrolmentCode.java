package org.medmesh.node.application.enrolment;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.consent.ledger.Did;

/**
 * A one-time enrolment code as the registration desk hands it to the patient, with the hospital's DID the
 * wallet must name as audience. The code itself is never stored, only its SHA-256.
 */
public record EnrolmentCode(String code, Did hospital, Instant expiresAt) {
    public EnrolmentCode {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(hospital, "hospital");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    @Override
    public String toString() {
        return "EnrolmentCode[hospital=" + hospital + ", expiresAt=" + expiresAt + "]";
    }
}
