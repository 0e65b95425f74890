package org.medmesh.fhir.consent;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.consent.Vocabulary.Role;

/** Writes a provision tree and its header as an IHE PCF-shaped Consent. */
final class ConsentWriter {

    private ConsentWriter() {}

    static Consent write(Provision provision, ConsentHeader header) {
        Consent consent = new Consent()
                .setStatus(ConsentState.ACTIVE)
                .setScope(new CodeableConcept(
                        new Coding(ConsentCodes.CONSENT_SCOPE, ConsentCodes.PATIENT_PRIVACY, "Privacy Consent")))
                .addCategory(new CodeableConcept(
                        new Coding(ConsentCodes.LOINC, ConsentCodes.PATIENT_CONSENT, "Patient Consent")))
                .setPatient(DidReferences.write(header.patient(), "Patient"))
                .setDateTimeElement(Instants.write(header.dateTime(), "Consent.dateTime"))
                // the patient consents for themself, and signs the grant with their own key
                .addPerformer(DidReferences.write(header.patient(), "Patient"));
        consent.addPolicy().setUri(header.policy());
        consent.setProvision(provision(provision, "Consent.provision"));
        return consent;
    }

    private static ProvisionComponent provision(Provision provision, String path) {
        ProvisionComponent element = new ProvisionComponent().setType(
                provision.type() == ProvisionType.PERMIT ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY);
        if (provision.period() != null) {
            org.hl7.fhir.r4.model.Period period = new org.hl7.fhir.r4.model.Period();
            if (provision.period().start() != null) {
                period.setStartElement(Instants.write(provision.period().start(), path + ".period.start"));
            }
            if (provision.period().end() != null) {
                period.setEndElement(Instants.write(provision.period().end(), path + ".period.end"));
            }
            element.setPeriod(period);
        }
        // grantees first, then holders: the order within each role is kept, the interleaving is not
        addActors(element, Role.GRANTEE, provision.grantees());
        addActors(element, Role.HOLDER, provision.holders());
        provision.purposes().forEach(p -> element.addPurpose(Vocabulary.purpose(p)));
        provision.classes().forEach(c -> element.addClass_(Vocabulary.resourceClass(c)));
        provision.securityLabels().forEach(l -> element.addSecurityLabel(Vocabulary.label(l)));
        for (int i = 0; i < provision.provisions().size(); i++) {
            element.addProvision(provision(provision.provisions().get(i), path + ".provision[" + i + "]"));
        }
        return element;
    }

    private static void addActors(ProvisionComponent element, Role role, Iterable<Did> organizations) {
        for (Did organization : organizations) {
            element.addActor()
                    .setRole(Vocabulary.role(role))
                    .setReference(DidReferences.write(organization, "Organization"));
        }
    }
}
