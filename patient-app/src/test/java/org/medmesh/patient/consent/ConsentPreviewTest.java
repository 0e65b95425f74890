package org.medmesh.patient.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.consent.decision.HeldRecord;
import org.medmesh.patient.consent.ConsentPreview.Outcome;
import org.medmesh.patient.consent.ConsentPreview.Withheld;
import org.medmesh.patient.wallet.PatientIdentity;

/** "Try my policy": the holders' decision point over the draft, the patient's other consents and their records. */
class ConsentPreviewTest {

    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");
    static final Did HILL = Did.forOrganization("HillClinicMSP");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private final PatientIdentity patient = PatientIdentity.create(new SecureRandom());

    private static final List<HeldRecord> RECORDS = List.of(
            new HeldRecord("Patient", Set.of(), false),
            new HeldRecord("Observation", Set.of(), false),
            new HeldRecord("Observation", Set.of("N"), false),
            new HeldRecord("Condition", Set.of("PSY", "R"), false),
            new HeldRecord("Condition", Set.of("HIV"), false),
            new HeldRecord("Observation", Set.of(), true));

    private static ConsentChoices draft(List<String> kinds, List<SecurityLabel> withheld, Instant from) {
        return new ConsentChoices(List.of(RIVER), CITY, List.of(PurposeOfUse.TREAT), kinds, withheld, from, null);
    }

    private Outcome only(ConsentChoices draft, List<ConsentPreview.OtherConsent> others) {
        List<ConsentPreview.Answer> answers = ConsentPreview.preview(draft, patient.did(), others, RECORDS, NOW);
        assertThat(answers).hasSize(1);
        return answers.get(0).outcome();
    }

    private ConsentPreview.OtherConsent other(ConsentChoices choices, EffectiveStatus status) {
        return new ConsentPreview.OtherConsent(ConsentComposer.compose(choices, patient, NOW.minusSeconds(3600))
                .grantJws(), status);
    }

    @Test
    void counts_by_kind_what_would_be_released_and_why_the_rest_stays() {
        Outcome outcome = only(draft(List.of(), List.of(SecurityLabel.PSY), null), List.of());

        assertThat(outcome.permitted()).isTrue();
        assertThat(outcome.released()).containsExactly(entry("Condition", 1), entry("Observation", 2),
                entry("Patient", 1));
        assertThat(outcome.withheld()).containsOnly(Map.entry(Withheld.SENSITIVE, 1), Map.entry(Withheld.RECEIVED, 1));
        assertThat(outcome.withheldCategories()).containsExactly("PSY");
    }

    @Test
    void records_of_kinds_not_chosen_stay() {
        Outcome outcome = only(draft(List.of("Observation"), List.of(), null), List.of());

        assertThat(outcome.released()).containsOnly(Map.entry("Observation", 2));
        assertThat(outcome.withheld()).containsOnly(Map.entry(Withheld.KIND_NOT_CHOSEN, 3),
                Map.entry(Withheld.RECEIVED, 1));
    }

    @Test
    void a_category_another_consent_in_force_withholds_stays_private_under_the_draft_too() {
        ConsentChoices older = new ConsentChoices(List.of(RIVER), CITY, List.of(PurposeOfUse.TREAT), List.of(),
                List.of(SecurityLabel.HIV), null, null);

        Outcome outcome = only(draft(List.of(), List.of(), null), List.of(other(older, EffectiveStatus.ACTIVE)));

        assertThat(outcome.released()).containsEntry("Condition", 1).containsEntry("Observation", 2); // not HIV
        assertThat(outcome.withheld()).containsEntry(Withheld.OTHER_CONSENT, 1);
    }

    @Test
    void a_revoked_consent_no_longer_withholds_anything() {
        ConsentChoices older = new ConsentChoices(List.of(RIVER), CITY, List.of(PurposeOfUse.TREAT), List.of(),
                List.of(SecurityLabel.HIV), null, null);

        Outcome outcome = only(draft(List.of(), List.of(), null), List.of(other(older, EffectiveStatus.REVOKED)));

        assertThat(outcome.released()).containsEntry("Condition", 2);
    }

    @Test
    void an_explicit_refusal_of_the_grantee_in_another_consent_releases_nothing_and_says_why() {
        Provision refuseRiver = new Provision(ProvisionType.DENY, null, List.of(RIVER), List.of(CITY), List.of(),
                List.of(), List.of(), List.of());
        String grant = patient.signedGrant(refuseRiver, "a".repeat(64), NOW.minusSeconds(60));

        Outcome outcome = only(draft(List.of(), List.of(), null),
                List.of(new ConsentPreview.OtherConsent(grant, EffectiveStatus.ACTIVE)));

        assertThat(outcome.permitted()).isFalse();
        assertThat(outcome.denyReason()).isEqualTo("REQUESTER_NOT_PERMITTED");
        assertThat(outcome.released()).isEmpty();
        assertThat(outcome.withheld()).containsOnly(Map.entry(Withheld.OTHER_CONSENT, RECORDS.size()));
    }

    @Test
    void a_consent_starting_later_is_previewed_as_it_will_be_when_it_starts() {
        Outcome outcome = only(draft(List.of(), List.of(), NOW.plusSeconds(86_400 * 30)), List.of());

        assertThat(outcome.permitted()).isTrue();
        assertThat(outcome.releasedCount()).isEqualTo(5);
    }

    @Test
    void answers_for_each_hospital_and_each_purpose() {
        ConsentChoices draft = new ConsentChoices(List.of(RIVER, HILL), CITY,
                List.of(PurposeOfUse.TREAT, PurposeOfUse.ETREAT), List.of(), List.of(), null, null);

        List<ConsentPreview.Answer> answers = ConsentPreview.preview(draft, patient.did(), List.of(), RECORDS, NOW);

        assertThat(answers).extracting(a -> a.grantee().value() + " " + a.purpose()).containsExactly(
                RIVER.value() + " TREAT", RIVER.value() + " ETREAT", HILL.value() + " TREAT", HILL.value() + " ETREAT");
        assertThat(answers).extracting(ConsentPreview.Answer::outcome).containsOnly(answers.get(0).outcome());
    }
}
