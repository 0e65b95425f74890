package org.medmesh.fhir.consent;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Objects;
import org.medmesh.chaincode.identity.Did;

/**
 * What a MedMesh Consent says besides its provision tree.
 *
 * @param patient the patient who consents (and signs): Consent.patient and Consent.performer
 * @param dateTime when the patient agreed: Consent.dateTime, an instant (the grant's issuedAt is the natural value)
 * @param policy the absolute URI of the privacy policy the patient accepted: Consent.policy.uri
 */
public record ConsentHeader(Did patient, Instant dateTime, String policy) {

    public ConsentHeader {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(dateTime, "dateTime");
        Objects.requireNonNull(policy, "policy");
        if (!patient.isPatient()) {
            throw new IllegalArgumentException("patient must be a MedMesh patient DID");
        }
        if (!isAbsoluteUri(policy)) {
            throw new IllegalArgumentException("policy must be an absolute URI");
        }
    }

    static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
