package org.medmesh.patient.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;

class ConsentChoicesTest {

    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");
    static final Did HILL = Did.forOrganization("HillClinicMSP");
    static final Instant APRIL = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant DECEMBER = Instant.parse("2026-12-31T23:59:59Z");

    private static ConsentChoices choices(List<Did> grantees, List<PurposeOfUse> purposes, List<String> classes,
            List<SecurityLabel> withheld, Instant from, Instant until) {
        return new ConsentChoices(grantees, CITY, purposes, classes, withheld, from, until);
    }

    private static final ConsentChoices BROAD = choices(List.of(RIVER, HILL),
            List.of(PurposeOfUse.TREAT, PurposeOfUse.ETREAT), List.of(), List.of(SecurityLabel.PSY), APRIL, DECEMBER);

    @Nested
    class Validation {

        @Test
        void refuses_choices_without_a_grantee() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(), List.of(PurposeOfUse.TREAT), List.of(), List.of(), null, null));
        }

        @Test
        void refuses_the_holder_as_a_grantee() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(CITY), List.of(PurposeOfUse.TREAT), List.of(), List.of(), null, null));
        }

        @Test
        void refuses_choices_without_a_purpose() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(RIVER), List.of(), List.of(), List.of(), null, null));
        }

        @Test
        void refuses_an_end_before_the_start() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(RIVER), List.of(PurposeOfUse.TREAT), List.of(), List.of(), DECEMBER, APRIL));
        }

        @Test
        void refuses_a_grantee_that_is_not_an_organisation() {
            Did patient = Did.parse("did:medmesh:3yQ8dNf1qzLw2cFv6Hk9PmT4sXa7RbEjUuG5");

            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(patient), List.of(PurposeOfUse.TREAT), List.of(), List.of(), null, null));
        }

        @Test
        void refuses_a_record_kind_that_is_not_a_type_name() {
            assertThatIllegalArgumentException().isThrownBy(() ->
                    choices(List.of(RIVER), List.of(PurposeOfUse.TREAT), List.of("lab results"), List.of(), null,
                            null));
        }

        @Test
        void drops_repeated_values_and_keeps_the_order() {
            ConsentChoices choices = choices(List.of(HILL, RIVER, HILL),
                    List.of(PurposeOfUse.TREAT, PurposeOfUse.TREAT), List.of("Observation", "Observation"),
                    List.of(SecurityLabel.HIV, SecurityLabel.PSY, SecurityLabel.HIV), null, null);

            assertThat(choices.grantees()).containsExactly(HILL, RIVER);
            assertThat(choices.purposes()).containsExactly(PurposeOfUse.TREAT);
            assertThat(choices.resourceClasses()).containsExactly("Observation");
            assertThat(choices.withheld()).containsExactly(SecurityLabel.HIV, SecurityLabel.PSY);
        }
    }

    @Nested
    class ReadingAProvision {

        @Test
        void gives_back_the_choices_that_made_it() {
            assertThat(ConsentChoices.of(BROAD.toProvision())).contains(BROAD);
        }

        @Test
        void gives_nothing_for_a_tree_of_another_shape() {
            Provision optIn = new Provision(ProvisionType.DENY, null, List.of(), List.of(CITY), List.of(), List.of(),
                    List.of(), List.of(new Provision(ProvisionType.PERMIT, null, List.of(RIVER), List.of(),
                            List.of(PurposeOfUse.TREAT), List.of(), List.of(), List.of())));

            assertThat(ConsentChoices.of(optIn)).isEmpty();
        }

        @Test
        void has_no_period_when_neither_end_is_chosen() {
            assertThat(ConsentChoices.forTreatment(List.of(RIVER), CITY).toProvision().period()).isNull();
        }
    }

    @Nested
    class Narrowing {

        @Test
        void fewer_grantees_purposes_and_classes_and_more_withheld_are_narrower() {
            ConsentChoices narrower = choices(List.of(RIVER), List.of(PurposeOfUse.TREAT), List.of("Observation"),
                    List.of(SecurityLabel.PSY, SecurityLabel.HIV), APRIL, DECEMBER.minusSeconds(86_400));

            assertThat(narrower.widerThan(BROAD)).isEmpty();
            assertThat(BROAD.widerThan(narrower)).isNotEmpty();
        }

        @Test
        void another_grantee_is_wider() {
            ConsentChoices other = choices(List.of(Did.forOrganization("LakeMSP")), BROAD.purposes(), List.of(),
                    BROAD.withheld(), APRIL, DECEMBER);

            assertThat(other.widerThan(BROAD)).containsExactly("more hospitals");
        }

        @Test
        void withholding_less_is_wider() {
            ConsentChoices other = choices(BROAD.grantees(), BROAD.purposes(), List.of(), List.of(), APRIL, DECEMBER);

            assertThat(other.widerThan(BROAD)).containsExactly("fewer withheld categories");
        }

        @Test
        void an_open_end_is_wider_than_a_date() {
            ConsentChoices other = choices(BROAD.grantees(), BROAD.purposes(), List.of(), BROAD.withheld(), APRIL,
                    null);

            assertThat(other.widerThan(BROAD)).containsExactly("a later end");
        }

        @Test
        void all_kinds_of_records_are_wider_than_some() {
            ConsentChoices some = choices(List.of(RIVER), List.of(PurposeOfUse.TREAT), List.of("Observation"),
                    List.of(), null, null);
            ConsentChoices all = choices(List.of(RIVER), List.of(PurposeOfUse.TREAT), List.of(), List.of(), null,
                    null);

            assertThat(all.widerThan(some)).containsExactly("more kinds of records");
        }

        @Test
        void the_same_choices_in_another_order_are_the_same() {
            ConsentChoices reordered = choices(List.of(HILL, RIVER), List.of(PurposeOfUse.ETREAT, PurposeOfUse.TREAT),
                    List.of(), List.of(SecurityLabel.PSY), APRIL, DECEMBER);

            assertThat(reordered.sameAs(BROAD)).isTrue();
            assertThat(reordered.widerThan(BROAD)).isEmpty();
        }
    }
}
