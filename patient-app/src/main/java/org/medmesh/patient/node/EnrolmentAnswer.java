package org.medmesh.patient.node;

import java.util.Objects;
import org.medmesh.chaincode.identity.Did;

/**
 * A hospital's answer to the patient's signed challenge response.
 *
 * @param patientDid the pairwise DID the hospital linked
 * @param enrolled whether the hospital now links its local patient to that DID
 */
public record EnrolmentAnswer(Did patientDid, boolean enrolled) {

    public EnrolmentAnswer {
        Objects.requireNonNull(patientDid, "patientDid");
    }
}
