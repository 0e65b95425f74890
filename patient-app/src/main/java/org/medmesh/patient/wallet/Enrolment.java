package org.medmesh.patient.wallet;

import java.time.Instant;
import java.util.Objects;
import org.medmesh.chaincode.identity.ServiceEndpoint;

/**
 * The patient's enrolment at one hospital, as the wallet last recorded it.
 *
 * @param enrolled whether the hospital links its local patient to the pairwise DID
 * @param serviceEndpoint the hospital node's URL
 * @param since when the wallet recorded this state
 */
public record Enrolment(boolean enrolled, ServiceEndpoint serviceEndpoint, Instant since) {

    public Enrolment {
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        Objects.requireNonNull(since, "since");
    }
}
