package org.medmesh.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.medmesh.consent.decision.ConsentFixtures.LAST_MONTH;
import static org.medmesh.consent.decision.ConsentFixtures.NEXT_MONTH;
import static org.medmesh.consent.decision.ConsentFixtures.NEXT_YEAR;
import static org.medmesh.consent.decision.ConsentFixtures.OTHER_REQUESTER;
import static org.medmesh.consent.decision.ConsentFixtures.REQUESTER;
import static org.medmesh.consent.decision.ConsentFixtures.ask;
import static org.medmesh.consent.decision.ConsentFixtures.consent;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medmesh.consent.decision.ConsentFixtures.Provision;
import org.medmesh.consent.decision.ConsentFixtures.Request;
import org.medmesh.consent.ledger.Consent;

class ConsentReleasePolicyTest {

    private static final ConsentDecisionPoint DECISIONS = new ConsentDecisionPoint();

    private static Provision treatment() {
        return Provision.permit().to(REQUESTER).purposes("TREAT");
    }

    /** Shape (a): treatment, with psychiatry, substance use and HIV records withheld. */
    private static Provision withholdingSensitive() {
        return treatment().except(Provision.deny().labels("PSY", "ETH", "SUD", "HIV"));
    }

    private static ReleasePolicy policy(Request request, Consent... consents) {
        ConsentDecision decision = DECISIONS.decide(request.build(), Arrays.asList(consents));
        assertThat(decision).isInstanceOf(ConsentDecision.Permit.class);
        return ((ConsentDecision.Permit) decision).policy();
    }

    private static Arguments row(String name, Request request, String type, Set<String> labels, Consent... consents) {
        return Arguments.of(named(name, policy(request, consents)), type, labels);
    }

    static Stream<Arguments> released() {
        return Stream.of(
                row("an unlabelled resource under a plain permit", ask(), "Observation", Set.of(),
                        consent(1, treatment())),
                row("a normal-confidentiality resource when sensitive labels are withheld", ask(), "Condition",
                        Set.of("N"), consent(1, withholdingSensitive())),
                row("a permitted class of an opt-in", ask(), "Observation", Set.of(),
                        consent(1, Provision.deny().except(treatment().classes("Observation")))),
                row("a requested class", ask().classes("Observation"), "Observation", Set.of(),
                        consent(1, treatment())),
                row("a resource carrying a label the permit lists", ask(), "Observation", Set.of("N", "R"),
                        consent(1, treatment().labels("R"))),
                row("a resource without the label another consent denies", ask(), "Condition", Set.of("R"),
                        consent(1, treatment()), consent(2, Provision.deny().labels("PSY"))),
                row("a label an opt-out excepts for the requester", ask(), "Condition", Set.of("PSY"),
                        consent(1, treatment()),
                        consent(2, Provision.deny().labels("PSY").except(Provision.permit().to(REQUESTER)))),
                row("a label denied only within a period, after it", ask().when(NEXT_YEAR), "Condition",
                        Set.of("PSY"), consent(1, treatment().except(
                                Provision.deny().labels("PSY").from(LAST_MONTH).until(NEXT_MONTH)))));
    }

    static Stream<Arguments> withheld() {
        return Stream.of(
                row("a PSY-labelled resource", ask(), "Condition", Set.of("PSY"),
                        consent(1, withholdingSensitive())),
                row("an HIV-labelled resource", ask(), "Observation", Set.of("HIV"),
                        consent(1, withholdingSensitive())),
                row("an ETH-labelled resource", ask(), "Condition", Set.of("ETH"),
                        consent(1, withholdingSensitive())),
                row("a SUD-labelled resource", ask(), "MedicationRequest", Set.of("SUD"),
                        consent(1, withholdingSensitive())),
                row("a resource carrying any one of the withheld labels", ask(), "Condition", Set.of("N", "PSY"),
                        consent(1, withholdingSensitive())),
                row("a class outside an opt-in", ask(), "Condition", Set.of(),
                        consent(1, Provision.deny().except(treatment().classes("Observation")))),
                row("a class that was not requested", ask().classes("Observation"), "Condition", Set.of(),
                        consent(1, treatment())),
                row("an unlabelled resource under a permit that lists labels", ask(), "Observation", Set.of(),
                        consent(1, treatment().labels("N"))),
                row("a label another consent denies, deny overriding", ask(), "Condition", Set.of("PSY"),
                        consent(1, treatment()), consent(2, Provision.deny().labels("PSY"))),
                row("a label an opt-out excepts only for another grantee", ask(), "Condition", Set.of("PSY"),
                        consent(1, treatment()),
                        consent(2, Provision.deny().labels("PSY").except(Provision.permit().to(OTHER_REQUESTER)))),
                row("a label denied within a period, during it", ask(), "Condition", Set.of("PSY"),
                        consent(1, treatment().except(
                                Provision.deny().labels("PSY").from(LAST_MONTH).until(NEXT_MONTH)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void releases_the_resource(ReleasePolicy policy, String type, Set<String> labels) {
        assertThat(policy.releases(type, labels)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withheld")
    void withholds_the_resource(ReleasePolicy policy, String type, Set<String> labels) {
        assertThat(policy.releases(type, labels)).isFalse();
    }

    @Nested
    class AsAValue {

        @Test
        void equals_the_policy_of_an_equal_decision() {
            Consent consent = consent(1, withholdingSensitive());

            assertThat(policy(ask(), consent)).isEqualTo(policy(ask(), consent));
        }

        @Test
        void refuses_a_missing_resource_type() {
            ReleasePolicy policy = policy(ask(), consent(1, treatment()));

            assertThatThrownBy(() -> policy.releases(null, Set.of())).isInstanceOf(NullPointerException.class);
        }

        @Test
        void refuses_missing_labels_rather_than_guessing_none() {
            ReleasePolicy policy = policy(ask(), consent(1, treatment()));

            assertThatThrownBy(() -> policy.releases("Observation", null)).isInstanceOf(NullPointerException.class);
        }

        @Test
        void ignores_labels_no_provision_names() {
            ReleasePolicy policy = policy(ask(), consent(1, withholdingSensitive()));

            assertThat(policy.releases("Observation", Set.of("UNKNOWN"))).isTrue();
        }
    }

    @Nested
    class HeldRecords {

        @Test
        void a_record_received_from_another_hospital_is_never_passed_on() {
            ReleasePolicy policy = policy(ask(), consent(1, treatment()));

            assertThat(policy.releases(new HeldRecord("Observation", Set.of(), false))).isTrue();
            assertThat(policy.releases(new HeldRecord("Observation", Set.of(), true))).isFalse();
        }

        @Test
        void a_record_of_the_holders_own_is_judged_by_its_type_and_labels() {
            ReleasePolicy policy = policy(ask(), consent(1, withholdingSensitive()));

            assertThat(policy.releases(new HeldRecord("Condition", Set.of("PSY"), false))).isFalse();
            assertThat(policy.releases(new HeldRecord("Condition", Set.of("N"), false))).isTrue();
        }
    }
}
