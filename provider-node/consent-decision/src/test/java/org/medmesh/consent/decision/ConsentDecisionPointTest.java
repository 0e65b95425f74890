package org.medmesh.consent.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Named.named;
import static org.medmesh.consent.decision.ConsentFixtures.HOLDER;
import static org.medmesh.consent.decision.ConsentFixtures.LAST_MONTH;
import static org.medmesh.consent.decision.ConsentFixtures.NEXT_MONTH;
import static org.medmesh.consent.decision.ConsentFixtures.NEXT_YEAR;
import static org.medmesh.consent.decision.ConsentFixtures.NOW;
import static org.medmesh.consent.decision.ConsentFixtures.OTHER_HOLDER;
import static org.medmesh.consent.decision.ConsentFixtures.OTHER_PATIENT;
import static org.medmesh.consent.decision.ConsentFixtures.OTHER_REQUESTER;
import static org.medmesh.consent.decision.ConsentFixtures.PATIENT;
import static org.medmesh.consent.decision.ConsentFixtures.REQUESTER;
import static org.medmesh.consent.decision.ConsentFixtures.TOMORROW;
import static org.medmesh.consent.decision.ConsentFixtures.YESTERDAY;
import static org.medmesh.consent.decision.ConsentFixtures.ask;
import static org.medmesh.consent.decision.ConsentFixtures.consent;
import static org.medmesh.consent.decision.ConsentFixtures.consentOf;
import static org.medmesh.consent.decision.ConsentFixtures.id;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
import org.medmesh.consent.ledger.ConsentStatus;

class ConsentDecisionPointTest {

    private static final ConsentDecisionPoint DECISIONS = new ConsentDecisionPoint();

    /** The typical IHE PCF consent: treatment by the requester. */
    private static Provision treatment() {
        return Provision.permit().to(REQUESTER).purposes("TREAT");
    }

    /** Shape (b): deny by default, permit the requester's Observations for treatment. */
    private static Provision optIn() {
        return Provision.deny().except(Provision.permit().to(REQUESTER).purposes("TREAT").classes("Observation"));
    }

    private static Arguments row(String name, Request request, Object expected, Consent... consents) {
        return Arguments.of(named(name, request.build()), List.of(consents), expected);
    }

    private static ConsentDecision decide(Request request, Consent... consents) {
        return DECISIONS.decide(request.build(), Arrays.asList(consents));
    }

    @Nested
    class Permits {

        static Stream<Arguments> permits() {
            return Stream.of(
                    row("a root permit for the requester and purpose", ask(), 1, consent(1, treatment())),
                    row("a root permit with withheld labels", ask(), 1,
                            consent(1, treatment().except(Provision.deny().labels("PSY", "ETH", "HIV")))),
                    row("an opt-in for the requester's Observations", ask().classes("Observation"), 1,
                            consent(1, optIn())),
                    row("a root permit with a nested deny for another grantee", ask(), 1,
                            consent(1, Provision.permit().except(Provision.deny().to(OTHER_REQUESTER)))),
                    row("a nested permit inside its narrower period", ask(), 1,
                            consent(1, Provision.deny().except(treatment().from(LAST_MONTH).until(NEXT_MONTH)))),
                    row("empty requested classes under a class-limited permit", ask(), 1,
                            consent(1, treatment().classes("Observation"))),
                    row("a requested class subset of a permit", ask().classes("Observation", "Condition"), 1,
                            consent(1, treatment().classes("Observation"))),
                    row("ETREAT as just another listed purpose", ask().purpose("ETREAT"), 1,
                            consent(1, Provision.permit().to(REQUESTER).purposes("ETREAT"))),
                    row("a holder named in the consent", ask(), 1, consent(1, treatment().heldBy(HOLDER))),
                    row("the own patient's consent next to another patient's", ask(), 2,
                            consentOf(OTHER_PATIENT, 1, treatment(), ConsentStatus.ACTIVE), consent(2, treatment())),
                    row("an active consent next to a revoked one", ask(), 2,
                            consent(1, treatment(), ConsentStatus.REVOKED), consent(2, treatment())),
                    row("the consent that permits the most, not the first", ask(), 2,
                            consent(1, treatment().classes("Observation")), consent(2, treatment())),
                    row("the smallest id between equally broad consents", ask(), 3,
                            consent(4, treatment()), consent(3, treatment())),
                    row("two opt-ins, which never cancel each other", ask().classes("Observation"), 2,
                            consent(1, Provision.deny().except(Provision.permit().to(OTHER_REQUESTER))),
                            consent(2, optIn())),
                    row("a broader permit, not narrowed by an opt-in next to it", ask().classes("Condition"), 1,
                            consent(1, treatment()), consent(2, optIn())),
                    row("a scoped opt-out's exception for the requester", ask().classes("Condition"), 2,
                            consent(1, treatment().classes("Observation")),
                            consent(2, Provision.deny().labels("PSY").except(Provision.permit().to(REQUESTER)))),
                    row("a permit whose labels another consent denies", ask(), 1,
                            consent(1, treatment()), consent(2, Provision.deny().labels("PSY"))),
                    row("an active consent, not one the ledger read as expired in a period that fits", ask(), 2,
                            consent(1, treatment(), ConsentStatus.EXPIRED), consent(2, treatment())));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("permits")
        void permits_under_the_expected_consent(AccessRequest request, List<Consent> consents, int consent) {
            ConsentDecision decision = DECISIONS.decide(request, consents);

            assertThat(decision).isInstanceOfSatisfying(ConsentDecision.Permit.class,
                    permit -> assertThat(permit.consentId()).isEqualTo(id(consent)));
        }

        @Test
        void attaches_a_release_policy_over_the_request() {
            ConsentDecision decision = decide(ask().classes("Observation"), consent(1, treatment()));

            assertThat(((ConsentDecision.Permit) decision).policy().releases("Condition", Set.of())).isFalse();
        }
    }

    @Nested
    class Denies {

        static Stream<Arguments> denies() {
            return Stream.of(
                    row("no consent at all", ask(), DenyReason.NO_CONSENT),
                    row("only another patient's consent", ask(), DenyReason.NO_CONSENT,
                            consentOf(OTHER_PATIENT, 1, treatment(), ConsentStatus.ACTIVE)),
                    row("a deny-type consent (opt-out)", ask(), DenyReason.NO_CONSENT,
                            consent(1, Provision.deny())),
                    row("a holder the consent does not cover", ask(), DenyReason.NO_CONSENT,
                            consent(1, treatment().heldBy(OTHER_HOLDER))),
                    row("a wrong grantee", ask().by(OTHER_REQUESTER), DenyReason.REQUESTER_NOT_PERMITTED,
                            consent(1, treatment())),
                    row("a nested deny for the requester", ask(), DenyReason.REQUESTER_NOT_PERMITTED,
                            consent(1, Provision.permit().except(Provision.deny().to(REQUESTER)))),
                    row("an opt-in for another grantee", ask().by(OTHER_REQUESTER), DenyReason.REQUESTER_NOT_PERMITTED,
                            consent(1, optIn())),
                    row("an opt-out for the requester overriding a permit", ask(), DenyReason.REQUESTER_NOT_PERMITTED,
                            consent(1, treatment()), consent(2, Provision.deny().to(REQUESTER))),
                    row("a revoked consent for another grantee only", ask(), DenyReason.REQUESTER_NOT_PERMITTED,
                            consent(1, Provision.permit().to(OTHER_REQUESTER), ConsentStatus.REVOKED)),
                    row("a wrong purpose", ask().purpose("HPAYMT"), DenyReason.PURPOSE_NOT_PERMITTED,
                            consent(1, treatment())),
                    row("a wrong purpose under an opt-in", ask().purpose("HRESCH"), DenyReason.PURPOSE_NOT_PERMITTED,
                            consent(1, optIn())),
                    row("ETREAT under a TREAT-only consent", ask().purpose("ETREAT"),
                            DenyReason.PURPOSE_NOT_PERMITTED, consent(1, treatment())),
                    row("a wrong purpose on an expired consent", ask().purpose("HPAYMT"),
                            DenyReason.PURPOSE_NOT_PERMITTED, consent(1, treatment().until(YESTERDAY))),
                    row("a revoked consent", ask(), DenyReason.CONSENT_REVOKED,
                            consent(1, treatment(), ConsentStatus.REVOKED)),
                    row("a revoked consent for the requester next to an active one for another", ask(),
                            DenyReason.CONSENT_REVOKED, consent(1, treatment(), ConsentStatus.REVOKED),
                            consent(2, Provision.permit().to(OTHER_REQUESTER))),
                    row("a revoked and an expired consent", ask(), DenyReason.CONSENT_REVOKED,
                            consent(1, treatment().until(YESTERDAY)), consent(2, treatment(), ConsentStatus.REVOKED)),
                    row("a consent whose period has ended", ask(), DenyReason.CONSENT_EXPIRED,
                            consent(1, treatment().until(YESTERDAY))),
                    row("a consent the ledger read as expired", ask(), DenyReason.CONSENT_EXPIRED,
                            consent(1, treatment(), ConsentStatus.EXPIRED)),
                    row("an expired opt-in", ask(), DenyReason.CONSENT_EXPIRED,
                            consent(1, optIn().until(YESTERDAY))),
                    row("a nested permit after its narrower period", ask().when(NEXT_YEAR), DenyReason.CONSENT_EXPIRED,
                            consent(1, Provision.deny().except(treatment().from(LAST_MONTH).until(NEXT_MONTH)))),
                    row("a consent not yet valid", ask(), DenyReason.OTHER,
                            consent(1, treatment().from(TOMORROW))),
                    row("a nested permit before its narrower period", ask(), DenyReason.OTHER,
                            consent(1, Provision.deny().except(treatment().from(TOMORROW).until(NEXT_MONTH)))),
                    row("a patient whose DID was deactivated", ask(), DenyReason.OTHER,
                            consent(1, treatment(), ConsentStatus.INACTIVE)),
                    row("requested classes all outside the permit", ask().classes("Condition", "MedicationRequest"),
                            DenyReason.CLASS_NOT_PERMITTED, consent(1, treatment().classes("Observation"))),
                    row("a requested class withheld by a nested deny", ask().classes("Condition"),
                            DenyReason.CLASS_NOT_PERMITTED,
                            consent(1, treatment().except(Provision.deny().classes("Condition")))),
                    row("an opt-out for a purpose overriding a permit for any purpose", ask().purpose("HPAYMT"),
                            DenyReason.PURPOSE_NOT_PERMITTED, consent(1, Provision.permit().to(REQUESTER)),
                            consent(2, Provision.deny().purposes("HPAYMT"))),
                    row("a scoped opt-out for the requester overriding a permit beyond its exception",
                            ask().classes("Condition"), DenyReason.CLASS_NOT_PERMITTED, consent(1, treatment()),
                            consent(2, Provision.deny().to(REQUESTER).except(
                                    Provision.permit().classes("Observation")))),
                    row("an unrestricted opt-out overriding a permit", ask(), DenyReason.NO_CONSENT,
                            consent(1, treatment()), consent(2, Provision.deny())),
                    row("a requested class denied by another consent", ask().classes("Condition"),
                            DenyReason.CLASS_NOT_PERMITTED,
                            consent(1, treatment()), consent(2, Provision.deny().classes("Condition"))));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("denies")
        void denies_with_the_most_specific_reason(AccessRequest request, List<Consent> consents, DenyReason reason) {
            assertThat(DECISIONS.decide(request, consents)).isEqualTo(ConsentDecision.deny(reason));
        }
    }

    @Nested
    class Purity {

        @Test
        void decides_equal_requests_equally_so_decisions_can_be_cached() {
            Consent consent = consent(1, treatment().except(Provision.deny().labels("PSY")));

            assertThat(decide(ask(), consent)).isEqualTo(decide(ask(), consent));
        }

        @Test
        void does_not_depend_on_the_order_of_the_consents() {
            Consent narrow = consent(1, treatment().classes("Observation"));
            Consent broad = consent(2, treatment().except(Provision.deny().labels("HIV")));

            assertThat(decide(ask(), narrow, broad)).isEqualTo(decide(ask(), broad, narrow));
        }

        @Test
        void decides_at_the_request_time_not_the_ledger_read_time() {
            Consent consent = consent(1, treatment().until(NEXT_MONTH));

            assertThat(decide(ask().when(NEXT_YEAR), consent))
                    .isEqualTo(ConsentDecision.deny(DenyReason.CONSENT_EXPIRED));
        }

        @Test
        void treats_the_period_end_as_still_valid_like_the_ledger() {
            Consent consent = consent(1, treatment().until(NOW));

            assertThat(decide(ask(), consent)).isInstanceOf(ConsentDecision.Permit.class);
        }
    }

    @Nested
    class Requests {

        @Test
        void refuses_a_class_that_is_not_a_resource_type_name() {
            assertThatThrownBy(() -> ask().classes("observation").build())
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_purpose_that_is_not_a_code() {
            assertThatThrownBy(() -> ask().purpose("treatment").build()).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_missing_patient() {
            assertThatThrownBy(() -> new AccessRequest(REQUESTER, HOLDER, null, "TREAT", Set.of(), NOW))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void keeps_no_reference_to_the_callers_class_set() {
            Set<String> classes = new HashSet<>(Set.of("Observation"));
            AccessRequest request = new AccessRequest(REQUESTER, HOLDER, PATIENT, "TREAT", classes, NOW);

            classes.add("Condition");

            assertThat(request.classes()).containsExactly("Observation");
        }
    }

    @Nested
    class LedgerCodes {

        @Test
        void mirrors_the_ledgers_deny_reasons_name_for_name() {
            assertThat(Arrays.stream(DenyReason.values()).map(Enum::name))
                    .containsExactlyElementsOf(Arrays.stream(org.medmesh.chaincode.accesslog.DenyReason.values())
                            .map(Enum::name).toList());
        }
    }
}
