package org.medmesh.patient.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentHeader;
import org.medmesh.fhir.consent.ConsentMapper;
import org.medmesh.fhir.consent.ConsentMappingException;
import org.medmesh.patient.wallet.PatientIdentity;

class ConsentComposerTest {

    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");
    static final Did HILL = Did.forOrganization("HillClinicMSP");

    private final PatientIdentity patient = PatientIdentity.create(new SecureRandom());

    private static ConsentChoices detailed() {
        return new ConsentChoices(List.of(RIVER, HILL), CITY, List.of(PurposeOfUse.TREAT, PurposeOfUse.ETREAT),
                List.of("Observation", "Condition"), List.of(SecurityLabel.PSY, SecurityLabel.HIV),
                Instant.parse("2026-04-01T00:00:00Z"), Instant.parse("2026-12-31T23:59:59Z"));
    }

    private static Consent readBack(ComposedConsent composed) {
        return ConsentDocuments.read(composed.documentBytes(), composed.consentHash());
    }

    @Nested
    class Document {

        @Test
        void reads_back_to_exactly_the_provision_of_the_choices() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW);

            assertThat(ConsentMapper.toProvision(readBack(composed)))
                    .isEqualTo(composed.provision())
                    .isEqualTo(detailed().toProvision());
        }

        @Test
        void is_hashed_as_the_exact_bytes_that_travel() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW);

            assertThat(composed.consentHash()).isEqualTo(Sha256.hex(composed.documentBytes()))
                    .isEqualTo(ConsentDocuments.sha256Hex(composed.document().getBytes(
                            java.nio.charset.StandardCharsets.UTF_8)));
        }

        @Test
        void names_the_pairwise_did_the_signing_time_and_the_policy() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW);

            assertThat(ConsentMapper.headerOf(readBack(composed)))
                    .isEqualTo(new ConsentHeader(patient.did(), NOW, ConsentComposer.POLICY));
        }

        @Test
        void states_withheld_categories_as_one_nested_deny() {
            Consent consent = readBack(ConsentComposer.compose(detailed(), patient, NOW));

            assertThat(consent.getProvision().getType()).isEqualTo(Consent.ConsentProvisionType.PERMIT);
            assertThat(consent.getProvision().getProvision()).singleElement().satisfies(deny -> {
                assertThat(deny.getType()).isEqualTo(Consent.ConsentProvisionType.DENY);
                assertThat(deny.getSecurityLabel()).extracting(Coding::getCode).containsExactly("PSY", "HIV");
                assertThat(deny.getActor()).isEmpty();
                assertThat(deny.getPurpose()).isEmpty();
            });
        }

        @Test
        void has_no_nested_provision_when_nothing_is_withheld() {
            Consent consent = readBack(ConsentComposer.compose(ConsentChoices.forTreatment(List.of(RIVER), CITY),
                    patient, NOW));

            assertThat(consent.getProvision().getProvision()).isEmpty();
        }
    }

    @Nested
    class Provisions {

        @Test
        void permit_the_grantees_for_the_holder_purposes_classes_and_period() {
            Provision provision = ConsentComposer.compose(detailed(), patient, NOW).provision();

            assertThat(provision.type()).isEqualTo(ProvisionType.PERMIT);
            assertThat(provision.grantees()).containsExactly(RIVER, HILL);
            assertThat(provision.holders()).containsExactly(CITY);
            assertThat(provision.purposes()).containsExactly(PurposeOfUse.TREAT, PurposeOfUse.ETREAT);
            assertThat(provision.classes()).containsExactly("Observation", "Condition");
            assertThat(provision.securityLabels()).isEmpty();
            assertThat(provision.period()).isEqualTo(new Period(Instant.parse("2026-04-01T00:00:00Z"),
                    Instant.parse("2026-12-31T23:59:59Z")));
        }

        @Test
        void deny_withheld_labels_in_one_exception_with_nothing_else() {
            Provision provision = ConsentComposer.compose(detailed(), patient, NOW).provision();

            assertThat(provision.provisions()).containsExactly(new Provision(ProvisionType.DENY, null, List.of(),
                    List.of(), List.of(), List.of(), List.of(SecurityLabel.PSY, SecurityLabel.HIV), List.of()));
        }
    }

    @Nested
    class Grant {

        @Test
        void carries_the_provision_and_the_documents_hash_signed_by_the_pairwise_did() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW);

            ConsentGrant grant = ConsentGrant.parse(composed.grantJws());

            assertThat(grant.patient()).isEqualTo(patient.did());
            assertThat(grant.provision()).isEqualTo(composed.provision());
            assertThat(grant.consentHash()).isEqualTo(composed.consentHash());
            assertThat(grant.issuedAt()).isEqualTo(NOW);
            assertThat(grant.jws().kid().toString()).isEqualTo(patient.did().value() + "#sign");
            assertThat(grant.jws().verifiedBy(patient.publicKeys().signingKey())).isTrue();
        }

        @Test
        void has_the_id_the_ledger_derives_from_it() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW);

            assertThat(composed.id()).isEqualTo(ConsentGrant.parse(composed.grantJws()).id());
        }

        @Test
        void is_dated_to_the_second_like_the_consent() {
            ComposedConsent composed = ConsentComposer.compose(detailed(), patient, NOW.plusNanos(123_456_789));

            assertThat(composed.issuedAt()).isEqualTo(NOW);
            assertThat(ConsentGrant.parse(composed.grantJws()).issuedAt()).isEqualTo(NOW);
            assertThat(ConsentMapper.headerOf(readBack(composed)).dateTime()).isEqualTo(NOW);
        }
    }

    @Test
    void refuses_a_record_kind_that_is_not_an_r4_resource_type() {
        ConsentChoices choices = new ConsentChoices(List.of(RIVER), CITY, List.of(PurposeOfUse.TREAT),
                List.of("Spaceship"), List.of(), null, null);

        assertThatExceptionOfType(ConsentMappingException.class)
                .isThrownBy(() -> ConsentComposer.compose(choices, patient, NOW));
    }
}
