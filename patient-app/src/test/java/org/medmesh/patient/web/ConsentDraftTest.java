package org.medmesh.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ConsentChoices;

/** The answers of a consent on the page, and the choices they make. */
class ConsentDraftTest {

    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, PARIS);
    static final ConsentId ID = ConsentId.parse("c-" + "1".repeat(64));

    private static ConsentChoices old(Instant from, Instant until, List<SecurityLabel> withheld) {
        return new ConsentChoices(List.of(RIVER), CITY, List.of(PurposeOfUse.TREAT), List.of(), withheld, from, until);
    }

    @Test
    void a_consent_opened_for_a_change_and_left_as_it_was_is_no_change() {
        ConsentChoices old = old(Instant.parse("2026-01-15T08:30:00Z"), Instant.parse("2027-03-01T12:00:00Z"),
                List.of(SecurityLabel.PSY));

        ConsentDraft draft = ConsentDraft.of(ID, old, PARIS, NOW);

        assertThat(draft.from).as("a start already past shows as now").isNull();
        assertThat(draft.until).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(draft.choices(PARIS, TODAY, NOW).sameAs(old)).isTrue();
    }

    @Test
    void moving_the_end_a_day_earlier_is_a_narrowing() {
        ConsentChoices old = old(null, Instant.parse("2027-03-01T12:00:00Z"), List.of());
        ConsentDraft draft = ConsentDraft.of(ID, old, PARIS, NOW);

        draft.until = LocalDate.of(2027, 2, 28);
        ConsentChoices changed = draft.choices(PARIS, TODAY, NOW);

        assertThat(changed.until()).isEqualTo(Instant.parse("2027-02-28T22:59:59Z")); // the day's last second, Paris
        assertThat(changed.widerThan(old)).isEmpty();
        assertThat(old.widerThan(changed)).containsExactly("a later end");
    }

    @Test
    void a_start_today_means_from_now_and_a_later_start_its_first_second() {
        ConsentDraft draft = ConsentDraft.of(ID, old(null, null, List.of()), PARIS, NOW);

        draft.from = TODAY;
        assertThat(draft.choices(PARIS, TODAY, NOW).from()).isNull();
        draft.from = TODAY.plusDays(10);
        assertThat(draft.choices(PARIS, TODAY, NOW).from()).isEqualTo(Instant.parse("2026-12-01T23:00:00Z"));
    }

    @Test
    void a_ticked_category_withholds_all_its_labels() {
        ConsentDraft draft = new ConsentDraft();

        draft.kept.add(ConsentDraft.Category.SUBSTANCE_USE);

        assertThat(draft.withheld()).containsExactly(SecurityLabel.ETH, SecurityLabel.SUD);
    }

    @Test
    void a_changed_consent_keeps_its_own_labels_for_a_category_and_those_no_category_covers() {
        ConsentDraft draft = ConsentDraft.of(ID, old(null, null, List.of(SecurityLabel.PSY, SecurityLabel.TBOO)),
                PARIS, NOW);

        assertThat(draft.kept).containsExactly(ConsentDraft.Category.MENTAL_HEALTH);
        assertThat(draft.withheld()).containsExactly(SecurityLabel.PSY, SecurityLabel.TBOO);
        draft.kept.add(ConsentDraft.Category.HIV);
        assertThat(draft.withheld()).containsExactly(SecurityLabel.PSY, SecurityLabel.HIV, SecurityLabel.TBOO);
    }

    @Test
    void each_kept_answer_changes_the_version_the_check_page_signs() {
        ConsentDraft draft = new ConsentDraft();
        String shown = draft.version();

        draft.answered();

        assertThat(draft.version()).isNotEqualTo(shown);
        assertThat(new ConsentDraft().version()).isNotEqualTo(draft.version());
    }
}
