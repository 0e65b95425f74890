package org.medmesh.patient.node;

import java.util.Objects;
import org.medmesh.chaincode.identity.Did;

/**
 * What a hospital answers once it has linked the patient enrolled there to their DID at another hospital
 * ({@code POST /patients/links}): from now on it may ask that hospital for the records held under that DID.
 *
 * @param holder the other hospital's organisation DID
 * @param patientAtHolder the patient's pairwise DID at the holder
 */
public record PatientLink(Did holder, Did patientAtHolder) {

    public PatientLink {
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(patientAtHolder, "patientAtHolder");
    }

    /**
     * What both DIDs sign, as the challenge of a DID-auth response whose audience is the hospital being told: the
     * holder, the DID there and the DID here, so neither signature can be reused for another pair.
     */
    public static String statement(Did holder, Did patientAtHolder, Did patientHere) {
        return "medmesh-link|" + holder.value() + "|" + patientAtHolder.value() + "|" + patientHere.value();
    }
}
