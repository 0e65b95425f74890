package org.medmesh.patient.wallet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;

/**
 * What the wallet holds for one hospital: the pairwise identity, whether the ledger has it, the enrolment, the
 * consents, and a rotation signed but not yet known to be committed.
 *
 * @param identity the pairwise DID with its current keys
 * @param registered whether the DID's create operation is committed
 * @param enrolment the enrolment state, or null before any
 * @param consents the consents signed for this hospital's relationship
 * @param pendingRotation a rotation kept until it is completed or abandoned, or null
 */
record HospitalEntry(PatientIdentity identity, boolean registered, Enrolment enrolment,
        List<SignedConsent> consents, PatientIdentity.Rotation pendingRotation) {

    HospitalEntry {
        Objects.requireNonNull(identity, "identity");
        consents = List.copyOf(consents);
        if (pendingRotation != null && (!pendingRotation.next().did().equals(identity.did())
                || pendingRotation.next().version() != identity.version() + 1)) {
            throw new IllegalArgumentException("a rotation keeps the DID and leads to the next version");
        }
    }

    static HospitalEntry fresh(PatientIdentity identity) {
        return new HospitalEntry(identity, false, null, List.of(), null);
    }

    HospitalEntry markedRegistered() {
        return new HospitalEntry(identity, true, enrolment, consents, pendingRotation);
    }

    HospitalEntry withEnrolment(Enrolment newEnrolment) {
        return new HospitalEntry(identity, registered, newEnrolment, consents, pendingRotation);
    }

    /** Adds the consent, or replaces the one with the same id. */
    HospitalEntry withConsent(SignedConsent consent) {
        List<SignedConsent> updated = new ArrayList<>(consents);
        updated.removeIf(c -> c.consentId().equals(consent.consentId()));
        updated.add(consent);
        return new HospitalEntry(identity, registered, enrolment, updated, pendingRotation);
    }

    Optional<SignedConsent> consent(ConsentId id) {
        return consents.stream().filter(c -> c.consentId().equals(id)).findFirst();
    }

    HospitalEntry withConsentStatus(ConsentId id, EffectiveStatus status) {
        return withConsent(consent(id).orElseThrow().withStatus(status));
    }

    HospitalEntry withPendingRotation(PatientIdentity.Rotation rotation) {
        return new HospitalEntry(identity, registered, enrolment, consents, Objects.requireNonNull(rotation));
    }

    HospitalEntry rotationCompleted() {
        return new HospitalEntry(pendingRotation.next(), registered, enrolment, consents, null);
    }

    HospitalEntry rotationAbandoned() {
        return new HospitalEntry(identity, registered, enrolment, consents, null);
    }
}
