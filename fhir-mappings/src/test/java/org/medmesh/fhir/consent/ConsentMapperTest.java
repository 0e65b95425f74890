package org.medmesh.fhir.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medmesh.fhir.consent.PcfExamples.PATIENT;
import static org.medmesh.fhir.consent.PcfExamples.load;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.fhir.labels.SecurityLabels;

class ConsentMapperTest {

    static final List<String> MAPPED = PcfExamples.MAPPED;
    static final List<PurposeOfUse> TPO = List.of(PurposeOfUse.TREAT, PurposeOfUse.HPAYMT, PurposeOfUse.HOPERAT);
    static final Did RESEARCH_HOUSE = Did.forOrganization("ResearchHouseMSP");
    static final Did ST_MARYS = Did.forOrganization("StMarysHospitalMSP");
    static final Did SOMEWHERE = Did.forOrganization("SomewhereOrgMSP");
    static final ConsentHeader HEADER =
            new ConsentHeader(PATIENT, Instant.parse("2026-01-31T12:00:00Z"), "urn:example:policy:privacy:1");

    static Provision provision(ProvisionType type, Period period, List<Did> grantees, List<Did> holders,
            List<PurposeOfUse> purposes, List<String> classes, List<SecurityLabel> labels, List<Provision> nested) {
        return new Provision(type, period, grantees, holders, purposes, classes, labels, nested);
    }

    static Provision only(ProvisionType type, List<SecurityLabel> labels, List<Did> grantees) {
        return provision(type, null, grantees, List.of(), List.of(), List.of(), labels, List.of());
    }

    /** Provision -> ledger JSON text -> Provision, as the chaincode stores and reads it. */
    static Provision throughLedgerJson(Provision provision) {
        String stored = CanonicalJson.write(provision.toJson());
        return Provision.parse(CanonicalJson.parse(stored));
    }

    @Nested
    class ToProvision {

        @Test
        void reads_the_basic_treatment_consent_as_a_permit_for_treatment_payment_and_operations() {
            assertThat(ConsentMapper.toProvision(load("ex-consent-basic-treat"))).isEqualTo(
                    provision(ProvisionType.PERMIT, null, List.of(), List.of(), TPO, List.of(), List.of(), List.of()));
        }

        @Test
        void reads_the_basic_dissent_as_a_deny() {
            assertThat(ConsentMapper.toProvision(load("ex-consent-basic-reject")).type()).isEqualTo(ProvisionType.DENY);
        }

        @Test
        void reads_the_period_end_as_an_instant_with_an_open_start() {
            assertThat(ConsentMapper.toProvision(load("ex-consent-expired-treat")).period())
                    .isEqualTo(new Period(null, Instant.parse("2022-12-31T23:59:59Z")));
        }

        @Test
        void reads_an_information_recipient_as_a_grantee() {
            Provision provision = ConsentMapper.toProvision(load("ex-consent-intermediate-purpose"));
            assertThat(provision.grantees()).containsExactly(RESEARCH_HOUSE);
            assertThat(provision.holders()).isEmpty();
            assertThat(provision.purposes()).containsExactly(PurposeOfUse.HRESCH);
        }

        @Test
        void reads_a_nested_provision_as_an_exception() {
            Provision provision = ConsentMapper.toProvision(load("ex-dissent-intermediate-break-glass"));
            assertThat(provision).isEqualTo(provision(ProvisionType.DENY, null, List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(provision(ProvisionType.PERMIT, null, List.of(SOMEWHERE), List.of(),
                            List.of(PurposeOfUse.ETREAT), List.of(), List.of(), List.of()))));
        }

        @Test
        void reads_confidentiality_labels_and_a_deny_exception_for_restricted_data() {
            Provision provision = ConsentMapper.toProvision(load("ex-consent-advanced-normal-not-restricted"));
            assertThat(provision).isEqualTo(provision(ProvisionType.PERMIT, null, List.of(), List.of(), TPO, List.of(),
                    List.of(SecurityLabel.N), List.of(only(ProvisionType.DENY, List.of(SecurityLabel.R), List.of()))));
        }

        @Test
        void reads_sensitivity_labels_of_a_focused_exception() {
            Provision provision = ConsentMapper.toProvision(load("ex-consent-advanced-normal-focused-psy-or-sdv"));
            assertThat(provision.provisions()).containsExactly(
                    only(ProvisionType.PERMIT, List.of(SecurityLabel.PSY, SecurityLabel.SDV), List.of(ST_MARYS)));
        }

        @Test
        void reads_a_custodian_as_a_holder() {
            Consent consent = load("ex-consent-intermediate-purpose");
            consent.getProvision().getActorFirstRep().getRole().getCodingFirstRep().setCode("CST");
            Provision provision = ConsentMapper.toProvision(consent);
            assertThat(provision.holders()).containsExactly(RESEARCH_HOUSE);
            assertThat(provision.grantees()).isEmpty();
        }

        @Test
        void reads_resource_classes() {
            Consent consent = load("ex-consent-basic-treat");
            consent.getProvision().addClass_(new Coding(ConsentCodes.RESOURCE_TYPES, "Observation", null));
            consent.getProvision().addClass_(new Coding(ConsentCodes.RESOURCE_TYPES, "Condition", "Condition"));
            assertThat(ConsentMapper.toProvision(consent).classes()).containsExactly("Observation", "Condition");
        }

        @Test
        void accepts_the_actions_of_an_exchange_collect_and_access_as_no_restriction() {
            Consent consent = load("ex-consent-basic-treat");
            Provision withoutAction = ConsentMapper.toProvision(consent);
            consent.getProvision().addAction().addCoding(new Coding(ConsentCodes.CONSENT_ACTION, "access", null));
            consent.getProvision().addAction().addCoding(new Coding(ConsentCodes.CONSENT_ACTION, "collect", null));
            assertThat(ConsentMapper.toProvision(consent)).isEqualTo(withoutAction);
        }

        @Test
        void converts_a_period_given_with_an_offset_to_utc_without_losing_fraction_digits() {
            Consent consent = load("ex-consent-expired-treat");
            consent.getProvision().getPeriod().getEndElement().setValueAsString("2022-12-31T23:59:59.123456789+01:00");
            assertThat(ConsentMapper.toProvision(consent).period().end())
                    .isEqualTo(Instant.parse("2022-12-31T22:59:59.123456789Z"));
        }

        @Test
        void reads_the_header_patient_date_and_policy() {
            assertThat(ConsentMapper.headerOf(load("ex-consent-intermediate-purpose"))).isEqualTo(
                    new ConsentHeader(PATIENT, Instant.parse("2022-06-13T12:00:00Z"),
                            "https://profiles.ihe.net/ITI/PCF/Policy-basic-normal"));
        }
    }

    @Nested
    class RoundTrip {

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.medmesh.fhir.consent.ConsentMapperTest#MAPPED")
        void fhir_to_provision_to_ledger_json_to_fhir_to_provision_is_the_first_provision(String example) {
            Consent original = load(example);
            Provision first = ConsentMapper.toProvision(original);
            Provision stored = throughLedgerJson(first);
            Consent written = ConsentMapper.toConsent(stored, ConsentMapper.headerOf(original));
            assertThat(ConsentMapper.toProvision(written)).isEqualTo(first);
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.medmesh.fhir.consent.ConsentMapperTest#MAPPED")
        void fhir_to_provision_to_fhir_keeps_every_mapped_provision_element(String example) {
            Consent original = load(example);
            Consent written =
                    ConsentMapper.toConsent(ConsentMapper.toProvision(original), ConsentMapper.headerOf(original));
            assertThat(ProvisionElements.of(written)).isEqualTo(ProvisionElements.of(original));
        }

        @ParameterizedTest(name = "{0}")
        @FieldSource("org.medmesh.fhir.consent.ConsentMapperTest#MAPPED")
        void fhir_to_provision_to_fhir_keeps_the_header(String example) {
            Consent original = load(example);
            ConsentHeader header = ConsentMapper.headerOf(original);
            Consent written = ConsentMapper.toConsent(ConsentMapper.toProvision(original), header);
            assertThat(ConsentMapper.headerOf(written)).isEqualTo(header);
        }
    }

    @Nested
    class ToConsent {

        final Provision provision = provision(ProvisionType.PERMIT,
                new Period(Instant.parse("2026-02-01T00:00:00Z"), null), List.of(ST_MARYS), List.of(SOMEWHERE),
                List.of(PurposeOfUse.TREAT), List.of("Observation"), List.of(SecurityLabel.N),
                List.of(only(ProvisionType.DENY, List.of(SecurityLabel.PSY, SecurityLabel.R), List.of())));
        final Consent consent = ConsentMapper.toConsent(provision, HEADER);

        @Test
        void writes_an_active_patient_privacy_consent_of_loinc_category_patient_consent() {
            assertThat(consent.getStatus()).isEqualTo(ConsentState.ACTIVE);
            assertThat(consent.getScope().hasCoding(ConsentCodes.CONSENT_SCOPE, "patient-privacy")).isTrue();
            assertThat(consent.getCategoryFirstRep().hasCoding("http://loinc.org", "59284-0")).isTrue();
        }

        @Test
        void identifies_the_patient_by_did_as_patient_and_performer() {
            assertThat(consent.getPatient().getIdentifier().getSystem()).isEqualTo("urn:ietf:rfc:3986");
            assertThat(consent.getPatient().getIdentifier().getValue()).isEqualTo(PATIENT.value());
            assertThat(consent.getPatient().hasReference()).isFalse();
            assertThat(consent.getPerformerFirstRep().getIdentifier().getValue()).isEqualTo(PATIENT.value());
        }

        @Test
        void writes_the_date_and_the_policy_uri() {
            assertThat(consent.getDateTimeElement().getValueAsString()).isEqualTo("2026-01-31T12:00:00Z");
            assertThat(consent.getPolicyFirstRep().getUri()).isEqualTo("urn:example:policy:privacy:1");
            assertThat(consent.hasPolicyRule()).isFalse();
        }

        @Test
        void writes_grantees_as_information_recipients_and_holders_as_custodians_identified_by_did() {
            assertThat(consent.getProvision().getActor())
                    .map(a -> a.getRole().getCodingFirstRep().getSystem()
                            + "#" + a.getRole().getCodingFirstRep().getCode()
                            + " " + a.getReference().getType()
                            + " " + a.getReference().getIdentifier().getSystem()
                            + "|" + a.getReference().getIdentifier().getValue()
                            + " literal=" + a.getReference().hasReference())
                    .containsExactly(
                            ConsentCodes.PARTICIPATION_TYPE + "#IRCP Organization urn:ietf:rfc:3986|" + ST_MARYS
                                    + " literal=false",
                            ConsentCodes.PARTICIPATION_TYPE + "#CST Organization urn:ietf:rfc:3986|" + SOMEWHERE
                                    + " literal=false");
        }

        @Test
        void writes_purposes_in_v3_act_reason_and_classes_in_resource_types() {
            assertThat(consent.getProvision().getPurposeFirstRep().getSystem()).isEqualTo(ConsentCodes.ACT_REASON);
            assertThat(consent.getProvision().getClass_FirstRep().getSystem()).isEqualTo(ConsentCodes.RESOURCE_TYPES);
            assertThat(consent.getProvision().getClass_FirstRep().getCode()).isEqualTo("Observation");
        }

        @Test
        void writes_security_labels_in_the_systems_the_sensitivity_labeler_writes() {
            List<Coding> labels = consent.getProvision().getProvisionFirstRep().getSecurityLabel();
            assertThat(labels.get(0).equalsShallow(SecurityLabels.sensitivity("PSY").setDisplay(null))).isTrue();
            assertThat(labels.get(1).equalsShallow(SecurityLabels.restricted().setDisplay(null))).isTrue();
        }

        @Test
        void writes_no_action_which_pcf_does_not_use() {
            assertThat(consent.getProvision().hasAction()).isFalse();
        }

        @Test
        void writes_period_instants_exactly() {
            assertThat(consent.getProvision().getPeriod().getStartElement().getValueAsString())
                    .isEqualTo("2026-02-01T00:00:00Z");
            assertThat(consent.getProvision().getPeriod().hasEnd()).isFalse();
        }

        @Test
        void refuses_a_class_that_is_not_an_r4_resource_type_at_the_element_it_would_have_written() {
            Provision unknownClass = provision(ProvisionType.PERMIT, null, List.of(), List.of(), List.of(),
                    List.of("Observation", "Widget"), List.of(), List.of());
            assertThatThrownBy(() -> ConsentMapper.toConsent(unknownClass, HEADER))
                    .isInstanceOfSatisfying(ConsentMappingException.class, e -> {
                        assertThat(e.code()).isEqualTo(IssueType.NOTSUPPORTED);
                        assertThat(e.path()).isEqualTo("Consent.provision.class[1].code");
                    });
        }

        @Test
        void refuses_a_header_whose_patient_is_an_organisation() {
            assertThatThrownBy(() -> new ConsentHeader(SOMEWHERE, Instant.EPOCH, "urn:example:policy"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
