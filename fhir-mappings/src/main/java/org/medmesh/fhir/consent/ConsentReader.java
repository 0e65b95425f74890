package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;
import static org.medmesh.fhir.consent.ConsentMappingException.notSupported;

import java.time.Instant;
import java.util.Objects;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentPolicyComponent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.identity.Did;

/**
 * Reads a whole Consent: the header elements a MedMesh Consent must have, then the provision tree. Elements that say
 * nothing about what is permitted (id, meta, text, identifier, organization, source, verification, extensions) are
 * not read; modifier elements, which could change the meaning, are refused.
 */
final class ConsentReader {

    /** A Consent read whole. */
    record Read(ConsentHeader header, Provision provision) {}

    private ConsentReader() {}

    static Read read(Consent consent) {
        Objects.requireNonNull(consent, "consent");
        refuseModifiers(consent);
        requireActivePrivacyConsent(consent);
        Did patient = DidReferences.patient(consent.getPatient(), "Consent.patient");
        if (!consent.hasDateTimeElement() || !consent.getDateTimeElement().hasValue()) {
            throw invalid("Consent.dateTime", "is required: when the patient agreed");
        }
        Instant dateTime = Instants.read(consent.getDateTimeElement(), "Consent.dateTime");
        String policy = policy(consent);
        if (!consent.hasProvision()) {
            throw invalid("Consent.provision", "is required: the ledger keeps the provision tree");
        }
        Provision provision = ProvisionReader.read(consent.getProvision(), "Consent.provision", true);
        return new Read(new ConsentHeader(patient, dateTime, policy), provision);
    }

    private static void refuseModifiers(Consent consent) {
        if (consent.hasImplicitRules()) {
            throw notSupported("Consent.implicitRules", "rules outside the resource could change its meaning");
        }
        if (consent.hasModifierExtension()) {
            throw notSupported("Consent.modifierExtension", "modifier extensions change the consent's meaning in "
                    + "ways the ledger cannot keep");
        }
    }

    private static void requireActivePrivacyConsent(Consent consent) {
        if (!consent.hasStatus()) {
            throw invalid("Consent.status", "is required");
        }
        if (consent.getStatus() != ConsentState.ACTIVE) {
            throw notSupported("Consent.status", "only an active consent is granted on the ledger; revoking one "
                    + "is its own ledger transaction");
        }
        if (!consent.hasScope()) {
            throw invalid("Consent.scope", "is required");
        }
        if (!consent.getScope().hasCoding(ConsentCodes.CONSENT_SCOPE, ConsentCodes.PATIENT_PRIVACY)) {
            throw notSupported("Consent.scope", "only privacy consents (consentscope#patient-privacy) are kept");
        }
        if (!consent.hasCategory()) {
            throw invalid("Consent.category", "is required");
        }
        boolean patientConsent = false;
        for (CodeableConcept category : consent.getCategory()) {
            patientConsent |= category.hasCoding(ConsentCodes.LOINC, ConsentCodes.PATIENT_CONSENT);
        }
        if (!patientConsent) {
            throw notSupported("Consent.category", "must include LOINC 59284-0 (Patient Consent)");
        }
    }

    private static String policy(Consent consent) {
        if (consent.hasPolicyRule()) {
            throw notSupported("Consent.policyRule", "name the policy by Consent.policy.uri, as IHE PCF does");
        }
        if (!consent.hasPolicy()) {
            throw invalid("Consent.policy", "is required: the URI of the policy the patient accepted");
        }
        if (consent.getPolicy().size() > 1) {
            throw notSupported("Consent.policy", "must name one policy");
        }
        ConsentPolicyComponent policy = consent.getPolicyFirstRep();
        if (policy.hasModifierExtension()) {
            throw notSupported("Consent.policy[0].modifierExtension", "modifier extensions are not kept");
        }
        if (policy.hasAuthority()) {
            throw notSupported("Consent.policy[0].authority", "is not kept; the policy URI names the policy");
        }
        if (!policy.hasUri() || !ConsentHeader.isAbsoluteUri(policy.getUri())) {
            throw invalid("Consent.policy[0].uri", "is required and must be an absolute URI");
        }
        return policy.getUri();
    }
}
