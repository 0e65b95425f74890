package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.DidAuthResponse;

/** {@code patient access [--node URL] [--hospital URL|DID] [--details]}. */
class AccessCommandTest extends WithConsentFixture {

    static final Did ST_MARYS = Did.forOrganization("StMarysMSP");


    @BeforeEach
    void enrolAtBoth() {
        fixture.enrolAtRiver();
    }

    private static Instant minutesAgo(int minutes) {
        return Cli.NOW.minus(Duration.ofMinutes(minutes));
    }

    /** River asking City for the records under the DID at City, permitted. */
    private ObjectNode riverAskingCity(String id, Instant time) {
        return FakeNode.accessEvent(id, time, river.did(), city.did(), fixture.patientAt(city));
    }

    /** City asking River for the records under the DID at River, permitted. */
    private ObjectNode cityAskingRiver(String id, Instant time) {
        return FakeNode.accessEvent(id, time, city.did(), river.did(), fixture.patientAt(river));
    }

    /** On the ledger both nodes share. */
    private void recorded(ObjectNode event) {
        city.recordAccess(event);
    }

    private List<String> lines(Cli.Result result) {
        return result.out().lines().toList();
    }

    @Nested
    class History {

        @Test
        void merges_the_logs_of_every_did_in_the_wallet_newest_first() {
            recorded(riverAskingCity("e-1", minutesAgo(30)));
            recorded(cityAskingRiver("e-2", minutesAgo(20)));
            recorded(riverAskingCity("e-3", minutesAgo(10)));

            Cli.Result result = cli.run("access");

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(lines(result)).containsSubsequence(
                    "Requests for your records, newest first (3, read through City Hospital):",
                    minutesAgo(10) + "  RiverClinicMSP asked City Hospital for treatment: permitted, 1 record shared.",
                    minutesAgo(20) + "  City Hospital asked RiverClinicMSP for treatment: permitted, 1 record shared.",
                    minutesAgo(30) + "  RiverClinicMSP asked City Hospital for treatment: permitted, 1 record shared.");
        }

        @Test
        void reads_every_did_through_the_node_of_the_first_enrolment() {
            cli.run("access");

            assertThat(city.requests("GET /relay/access")).hasSize(2);
            assertThat(river.requests("GET /relay/access")).isEmpty();
        }

        @Test
        void proves_each_did_to_the_node_asked() {
            cli.run("access", "--node", river.url());

            assertThat(city.requests("GET /relay/access")).isEmpty();
            assertThat(river.requests("GET /relay/access")).extracting(r -> DidAuthResponse.verify(
                    r.header("MedMesh-DID-Auth"), river.did().value(), "medmesh-access-log",
                    river.patientKeys(Did.parsePatient(DidAuthResponse.claimedDid(r.header("MedMesh-DID-Auth"))))
                            .orElseThrow().signingKey().encoded(), Cli.NOW, Duration.ofMinutes(5)))
                    .containsExactlyInAnyOrder(fixture.patientAt(city).value(), fixture.patientAt(river).value());
        }

        @Test
        void follows_bookmarks_to_the_end_of_a_long_log() {
            city.accessPageSize(2);
            for (int i = 1; i <= 5; i++) {
                recorded(riverAskingCity("e-" + i, minutesAgo(i)));
            }

            Cli.Result result = cli.run("access");

            assertThat(result.out()).contains("newest first (5,");
            assertThat(city.requests("GET /relay/access")).extracting(r -> r.parameters().get("bookmark"))
                    .contains("p2", "p4");
        }

        @Test
        void says_why_a_request_was_denied_in_plain_words() {
            recorded(riverAskingCity("e-1", minutesAgo(5)).put("purpose", "HRESCH").put("decision", "deny")
                    .put("denyReason", "PURPOSE_NOT_PERMITTED").put("count", 0));

            Cli.Result result = cli.run("access");

            assertThat(result.out()).contains("RiverClinicMSP asked City Hospital for research: denied, your consent "
                    + "does not allow this purpose.");
        }

        @Test
        void names_a_hospital_the_wallet_does_not_know_by_its_did() {
            recorded(FakeNode.accessEvent("e-1", minutesAgo(5), ST_MARYS, city.did(), fixture.patientAt(city)));

            assertThat(cli.run("access").out())
                    .contains("did:medmesh:org:StMarysMSP asked City Hospital for treatment");
        }

        @Test
        void shows_the_dids_and_the_consent_only_with_details() {
            recorded(riverAskingCity("e-1", minutesAgo(5)).put("consent", "c-" + "a".repeat(64)));

            Cli.Result plain = cli.run("access");
            Cli.Result details = cli.run("access", "--details");

            assertThat(plain.out()).doesNotContain("c-" + "a".repeat(64)).doesNotContain(river.did().value());
            assertThat(details.out()).contains(river.did().value() + " asked " + city.did().value())
                    .contains("event e-1, your identity " + fixture.patientAt(city) + ", consent c-" + "a".repeat(64));
        }

        @Test
        void says_plainly_when_no_hospital_has_asked() {
            Cli.Result result = cli.run("access");

            assertThat(result.status()).isZero();
            assertThat(result.out()).isEqualTo("No hospital has asked for your records yet." + System.lineSeparator());
        }
    }

    @Nested
    class BreakGlass {

        @BeforeEach
        void stMarysBrokeTheGlassAtCity() {
            ObjectNode emergency = FakeNode.accessEvent("e-9", minutesAgo(15), ST_MARYS, city.did(),
                    fixture.patientAt(city)).put("purpose", "ETREAT").put("count", 7);
            emergency.putObject("breakGlass").put("reasonCode", "UNCONSCIOUS").put("reasonHash", "e".repeat(64));
            city.recordAccess(emergency);
            recorded(riverAskingCity("e-1", minutesAgo(5)));
        }

        @Test
        void marks_an_emergency_access_with_its_reason_in_plain_words() {
            Cli.Result result = cli.run("access");

            assertThat(lines(result)).contains("!! EMERGENCY ACCESS (break-glass) " + minutesAgo(15)
                    + ": did:medmesh:org:StMarysMSP asked City Hospital for emergency treatment without your consent, "
                    + "because you could not consent (unconscious or incapacitated): permitted, 7 records shared.");
        }

        @Test
        void marks_only_the_emergency() {
            Cli.Result result = cli.run("access");

            assertThat(lines(result).stream().filter(l -> l.startsWith("!! EMERGENCY ACCESS"))).hasSize(1);
            assertThat(result.out()).contains("Break-glass lets a clinician open your records in an emergency");
        }

        @Test
        void words_each_coded_reason() {
            assertThat(PlainWords.emergency("LIFE_THREATENING")).isEqualTo("waiting would have put your life at risk");
            assertThat(PlainWords.emergency("OTHER")).contains("another emergency");
            assertThat(PlainWords.emergency("NEW_CODE")).isEqualTo("reason NEW_CODE");
        }
    }

    @Nested
    class OneHospital {

        @BeforeEach
        void threeRequests() {
            recorded(riverAskingCity("e-1", minutesAgo(30)));
            recorded(cityAskingRiver("e-2", minutesAgo(20)));
            city.recordAccess(FakeNode.accessEvent("e-3", minutesAgo(10), ST_MARYS, city.did(),
                    fixture.patientAt(city)));
        }

        @Test
        void shows_the_requests_a_hospital_made_or_answered() {
            Cli.Result result = cli.run("access", "--hospital", river.did());

            assertThat(result.out()).contains("newest first (2,").contains("RiverClinicMSP asked City Hospital")
                    .contains("City Hospital asked RiverClinicMSP").doesNotContain("StMarysMSP");
        }

        @Test
        void takes_the_hospital_by_its_nodes_address() {
            Cli.Result result = cli.run("access", "--hospital", river.url());

            assertThat(result.out()).contains("newest first (2,").contains("River Clinic asked City Hospital");
        }

        @Test
        void says_plainly_when_the_hospital_made_or_answered_none() {
            Cli.Result result = cli.run("access", "--hospital", Did.forOrganization("HarbourMSP"));

            assertThat(result.out()).contains("No request for your records was made or answered by HarbourMSP.");
        }
    }

    @Nested
    class Failures {

        @Test
        void reports_the_nodes_refusal() {
            city.script("GET /relay/access", FakeNode.problem(422, "NOT_VERIFIED", "the response does not verify"));

            Cli.Result result = cli.run("access");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: your access history could not be read through City "
                    + "Hospital: the hospital refused (NOT_VERIFIED): the response does not verify");
        }

        @Test
        void reports_an_unreachable_node() {
            river.close();

            Cli.Result result = cli.run("access", "--node", river.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).startsWith("error: hospital unreachable at " + river.url());
        }

        @Test
        void reports_a_node_that_answers_nonsense() {
            city.script("GET /relay/access", FakeNode.raw(200, "application/json", "{\"events\":7}"));

            Cli.Result result = cli.run("access");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("answered in a way this app does not understand");
        }
    }

    @Test
    void needs_a_node_when_the_wallet_is_enrolled_nowhere(@TempDir Path elsewhere) {
        Cli registeredOnly = new Cli(elsewhere);
        registeredOnly.run("create");
        registeredOnly.run("enrol", "--node", city.url(), "--challenge", "NOT-ISSUED");

        Cli.Result result = registeredOnly.run("access");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errorLine()).contains("--node URL is needed");
    }

    @Test
    void says_plainly_when_the_wallet_has_no_identity_on_the_ledger(@TempDir Path elsewhere) {
        Cli fresh = new Cli(elsewhere);
        fresh.run("create");

        Cli.Result result = fresh.run("access");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("you have no identity on the ledger yet");
    }
}
