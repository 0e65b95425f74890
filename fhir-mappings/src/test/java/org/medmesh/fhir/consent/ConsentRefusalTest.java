package org.medmesh.fhir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.medmesh.fhir.consent.PcfExamples.load;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.fhir.Fhir;

/** One refusal per construct the provision tree cannot express: the OperationOutcome's code and location. */
class ConsentRefusalTest {

    static final IssueType NOT_SUPPORTED = IssueType.NOTSUPPORTED;
    static final IssueType INVALID = IssueType.INVALID;

    static OperationOutcomeIssueComponent refusal(Consent consent) {
        ConsentMappingException e = catchThrowableOfType(ConsentMappingException.class,
                () -> ConsentMapper.toProvision(consent));
        assertThat(e).as("refused").isNotNull();
        OperationOutcome outcome = e.outcome();
        assertThat(outcome.getIssue()).hasSize(1);
        OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
        assertThat(issue.getSeverity()).isEqualTo(IssueSeverity.ERROR);
        assertThat(issue.getDiagnostics()).isNotBlank();
        assertThat(issue.getExpression()).extracting(StringType::getValue).containsExactly(e.path());
        assertThat(issue.getLocation()).extracting(StringType::getValue).containsExactly(e.path());
        return issue;
    }

    static void assertRefused(Consent consent, IssueType code, String location) {
        OperationOutcomeIssueComponent issue = refusal(consent);
        assertThat(issue.getCode()).isEqualTo(code);
        assertThat(issue.getLocation().get(0).getValue()).isEqualTo(location);
    }

    static Consent basic() {
        return load("ex-consent-basic-treat");
    }

    static Consent withException() {
        return load("ex-consent-advanced-normal-not-restricted");
    }

    static Coding coding(String system, String code) {
        return new Coding(system, code, null);
    }

    @Nested
    class WhatIsSelected {

        @Test
        void refuses_data_references_in_an_exception_pcf_intermediate_not_data() {
            assertRefused(load("ex-consent-intermediate-not-data"), NOT_SUPPORTED,
                    "Consent.provision.provision[0].data");
        }

        @Test
        void refuses_data_references_at_the_top() {
            Consent consent = basic();
            consent.getProvision().addData().setMeaning(Consent.ConsentDataMeaning.INSTANCE)
                    .setReference(new Reference("Observation/ex-weight"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.data");
        }

        @Test
        void refuses_a_data_period_in_an_exception_pcf_intermediate_not_timeframe() {
            assertRefused(load("ex-consent-intermediate-not-timeframe"), NOT_SUPPORTED,
                    "Consent.provision.provision[0].dataPeriod");
        }

        @Test
        void refuses_code_based_provisions() {
            Consent consent = basic();
            consent.getProvision().addCode(new CodeableConcept(coding("http://loinc.org", "8302-2")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.code");
        }

        @Test
        void refuses_a_class_outside_the_resource_types_system() {
            Consent consent = basic();
            consent.getProvision().addClass_(coding("urn:ietf:bcp:13", "application/pdf"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.class[0].system");
        }

        @Test
        void refuses_a_class_that_is_not_an_r4_resource_type() {
            Consent consent = basic();
            consent.getProvision().addClass_(coding(ConsentCodes.RESOURCE_TYPES, "Observation"));
            consent.getProvision().addClass_(coding(ConsentCodes.RESOURCE_TYPES, "observation"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.class[1].code");
        }

        @Test
        void refuses_more_classes_than_the_ledger_keeps() {
            Consent consent = basic();
            Fhir.context().getResourceTypes().stream().sorted().limit(101)
                    .forEach(type -> consent.getProvision().addClass_(coding(ConsentCodes.RESOURCE_TYPES, type)));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.class");
        }
    }

    @Nested
    class Labels {

        @Test
        void refuses_a_security_label_system_the_labeler_does_not_write() {
            Consent consent = withException();
            consent.getProvision().getProvisionFirstRep().getSecurityLabelFirstRep()
                    .setSystem("urn:oid:2.16.840.1.113883.5.25");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.provision[0].securityLabel[0].system");
        }

        @Test
        void refuses_a_sensitivity_code_outside_the_ledger_vocabulary_pcf_ethud() {
            Consent consent = withException();
            consent.getProvision().getProvisionFirstRep().addSecurityLabel(coding(ConsentCodes.ACT_CODE, "ETHUD"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.provision[0].securityLabel[1].code");
        }

        @Test
        void refuses_a_known_code_in_the_wrong_system() {
            Consent consent = withException();
            consent.getProvision().addSecurityLabel(coding(ConsentCodes.CONFIDENTIALITY, "PSY"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.securityLabel[1].code");
        }

        @Test
        void refuses_a_label_without_a_system() {
            Consent consent = withException();
            consent.getProvision().getSecurityLabelFirstRep().setSystem(null);
            assertRefused(consent, INVALID, "Consent.provision.securityLabel[0].system");
        }

        @Test
        void refuses_a_repeated_label() {
            Consent consent = withException();
            consent.getProvision().addSecurityLabel(coding(ConsentCodes.CONFIDENTIALITY, "N"));
            assertRefused(consent, INVALID, "Consent.provision.securityLabel[1]");
        }
    }

    @Nested
    class Purposes {

        @Test
        void refuses_a_purpose_system_we_do_not_know_pcf_intermediate_purpose_as_published() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getPurposeFirstRep()
                    .setSystem("http://example.org/policies/purposeOfUse").setCode("FooBar");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.purpose[0].system");
        }

        @Test
        void refuses_a_purpose_code_outside_the_ledger_vocabulary_pcf_break_glass_as_published() {
            Consent consent = load("ex-dissent-intermediate-break-glass");
            consent.getProvision().getProvisionFirstRep().getPurposeFirstRep().setCode("BTG");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.provision[0].purpose[0].code");
        }

        @Test
        void refuses_a_repeated_purpose() {
            Consent consent = basic();
            consent.getProvision().addPurpose(coding(ConsentCodes.ACT_REASON, "TREAT"));
            assertRefused(consent, INVALID, "Consent.provision.purpose[3]");
        }
    }

    @Nested
    class Actors {

        @Test
        void refuses_a_literal_actor_reference_pcf_intermediate_purpose_as_published() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().setReference(new Reference("Organization/ex-org-researcher"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].reference.reference");
        }

        @Test
        void refuses_an_actor_role_other_than_recipient_or_custodian() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getRole().getCodingFirstRep().setCode("AUT");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].role.coding[0].code");
        }

        @Test
        void refuses_an_actor_role_from_another_system() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getRole().getCodingFirstRep()
                    .setSystem("http://terminology.hl7.org/CodeSystem/extra-security-role-type");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].role.coding[0].system");
        }

        @Test
        void refuses_an_actor_role_with_two_codings() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getRole()
                    .addCoding(coding(ConsentCodes.PARTICIPATION_TYPE, "CST"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].role.coding");
        }

        @Test
        void refuses_an_actor_without_a_role() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().setRole(null);
            assertRefused(consent, INVALID, "Consent.provision.actor[0].role");
        }

        @Test
        void refuses_an_actor_identified_by_a_patient_did() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getReference().setType(null).getIdentifier()
                    .setValue(PcfExamples.PATIENT.value());
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].reference.identifier.value");
        }

        @Test
        void refuses_an_actor_identifier_that_is_not_a_did() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getReference().getIdentifier().setValue("research house org");
            assertRefused(consent, INVALID, "Consent.provision.actor[0].reference.identifier.value");
        }

        @Test
        void refuses_an_actor_identifier_in_another_system() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getReference().getIdentifier().setSystem("urn:oid:1.2.3");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].reference.identifier");
        }

        @Test
        void refuses_an_actor_reference_typed_other_than_organization() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getReference().setType("Group");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.actor[0].reference.type");
        }

        @Test
        void refuses_the_same_organisation_twice_in_one_role() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().addActor(consent.getProvision().getActorFirstRep().copy());
            assertRefused(consent, INVALID, "Consent.provision.actor[1]");
        }
    }

    @Nested
    class Actions {

        @Test
        void refuses_an_action_other_than_the_exchange() {
            Consent consent = basic();
            consent.getProvision().addAction(new CodeableConcept(coding(ConsentCodes.CONSENT_ACTION, "correct")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.action[0].coding[0].code");
        }

        @Test
        void refuses_access_alone_which_does_not_let_the_recipient_keep_the_records() {
            Consent consent = basic();
            consent.getProvision().addAction(new CodeableConcept(coding(ConsentCodes.CONSENT_ACTION, "access")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.action");
        }

        @Test
        void refuses_an_action_from_another_system() {
            Consent consent = basic();
            consent.getProvision().addAction(new CodeableConcept(coding("http://example.org/actions", "collect")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.action[0].coding[0].system");
        }
    }

    @Nested
    class Structure {

        @Test
        void refuses_nesting_deeper_than_one_level() {
            Consent consent = withException();
            consent.getProvision().getProvisionFirstRep().addProvision().setType(ConsentProvisionType.PERMIT);
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.provision[0].provision");
        }

        @Test
        void refuses_a_provision_without_a_type() {
            Consent consent = withException();
            consent.getProvision().getProvisionFirstRep().setTypeElement(null);
            assertRefused(consent, INVALID, "Consent.provision.provision[0].type");
        }

        @Test
        void refuses_a_consent_without_a_provision() {
            Consent consent = basic();
            consent.setProvision(null);
            assertRefused(consent, INVALID, "Consent.provision");
        }

        @Test
        void refuses_a_modifier_extension_on_an_exception() {
            Consent consent = withException();
            consent.getProvision().getProvisionFirstRep()
                    .addModifierExtension(new Extension("http://example.org/only-on-weekdays", new StringType("yes")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.provision[0].modifierExtension");
        }

        @Test
        void ignores_a_plain_extension_which_fhir_lets_readers_ignore() {
            Consent consent = withException();
            Object before = ConsentMapper.toProvision(consent);
            consent.getProvision().addExtension(new Extension("http://example.org/note", new StringType("n/a")));
            assertThat(ConsentMapper.toProvision(consent)).isEqualTo(before);
        }

        @Test
        void refuses_implicit_rules() {
            Consent consent = basic();
            consent.setImplicitRules("http://example.org/rules");
            assertRefused(consent, NOT_SUPPORTED, "Consent.implicitRules");
        }
    }

    @Nested
    class Periods {

        @Test
        void refuses_a_period_end_that_is_a_date_pcf_expired_treat_as_published() {
            Consent consent = load("ex-consent-expired-treat");
            consent.getProvision().getPeriod().getEndElement().setValueAsString("2022-12-31");
            assertRefused(consent, NOT_SUPPORTED, "Consent.provision.period.end");
        }

        @Test
        void refuses_a_period_time_without_a_zone() {
            Consent consent = load("ex-consent-expired-treat");
            consent.getProvision().getPeriod().getEndElement().setValueAsString("2022-12-31T23:59:59");
            assertRefused(consent, INVALID, "Consent.provision.period.end");
        }

        @Test
        void refuses_a_period_that_starts_after_it_ends() {
            Consent consent = load("ex-consent-expired-treat");
            consent.getProvision().getPeriod().getStartElement().setValueAsString("2023-01-01T00:00:00Z");
            assertRefused(consent, INVALID, "Consent.provision.period");
        }
    }

    @Nested
    class Header {

        @Test
        void refuses_a_consent_without_a_patient() {
            Consent consent = basic();
            consent.setPatient(null);
            assertRefused(consent, INVALID, "Consent.patient");
        }

        @Test
        void refuses_a_literal_patient_reference_pcf_as_published() {
            Consent consent = basic();
            consent.setPatient(new Reference("Patient/ex-patient"));
            assertRefused(consent, NOT_SUPPORTED, "Consent.patient.reference");
        }

        @Test
        void refuses_a_patient_identified_by_an_organisation_did() {
            Consent consent = basic();
            consent.getPatient().setType(null).getIdentifier().setValue("did:medmesh:org:SomewhereOrgMSP");
            assertRefused(consent, NOT_SUPPORTED, "Consent.patient.identifier.value");
        }

        @Test
        void refuses_a_consent_that_is_not_active() {
            Consent consent = basic();
            consent.setStatus(ConsentState.PROPOSED);
            assertRefused(consent, NOT_SUPPORTED, "Consent.status");
        }

        @Test
        void refuses_a_scope_other_than_privacy() {
            Consent consent = basic();
            consent.setScope(new CodeableConcept(coding(ConsentCodes.CONSENT_SCOPE, "treatment")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.scope");
        }

        @Test
        void refuses_a_consent_without_category() {
            Consent consent = basic();
            consent.setCategory(List.of());
            assertRefused(consent, INVALID, "Consent.category");
        }

        @Test
        void refuses_a_category_other_than_patient_consent() {
            Consent consent = basic();
            consent.setCategory(List.of(new CodeableConcept(coding("http://loinc.org", "57016-8"))));
            assertRefused(consent, NOT_SUPPORTED, "Consent.category");
        }

        @Test
        void refuses_a_date_time_that_is_a_date_pcf_as_published() {
            Consent consent = basic();
            consent.getDateTimeElement().setValueAsString("2022-06-13");
            assertRefused(consent, NOT_SUPPORTED, "Consent.dateTime");
        }

        @Test
        void refuses_a_consent_without_a_date_time() {
            Consent consent = basic();
            consent.setDateTimeElement(null);
            assertRefused(consent, INVALID, "Consent.dateTime");
        }

        @Test
        void refuses_a_consent_without_a_policy() {
            Consent consent = basic();
            consent.setPolicy(List.of());
            assertRefused(consent, INVALID, "Consent.policy");
        }

        @Test
        void refuses_a_policy_rule() {
            Consent consent = basic();
            consent.setPolicyRule(
                    new CodeableConcept(coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "OPTIN")));
            assertRefused(consent, NOT_SUPPORTED, "Consent.policyRule");
        }
    }

    @Nested
    class Diagnostics {

        @Test
        void never_quote_the_refused_value() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getReference().getIdentifier()
                    .setValue("did:medmesh:org:Jack Smith HIV clinic");
            OperationOutcomeIssueComponent issue = refusal(consent);
            assertThat(issue.getDiagnostics()).doesNotContain("Jack").doesNotContain("HIV clinic");
        }

        @Test
        void never_quote_a_refused_code() {
            Consent consent = basic();
            consent.getProvision().addPurpose(coding(ConsentCodes.ACT_REASON, "SmithFamilyStudy"));
            assertThat(refusal(consent).getDiagnostics()).doesNotContain("Smith");
        }

        @Test
        void name_the_offending_element_in_the_sentence() {
            assertThat(refusal(load("ex-consent-intermediate-not-data")).getDiagnostics())
                    .startsWith("Consent.provision.provision[0].data: ");
        }
    }
}
