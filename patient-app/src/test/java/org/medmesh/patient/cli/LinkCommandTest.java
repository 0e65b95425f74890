package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.DidAuthResponse;

/** {@code patient link --node URL --holder URL|DID}. */
class LinkCommandTest extends WithConsentFixture {


    /** The one response in the link request to River, verified against the DID's key on the ledger. */
    private String verified(String field, Did signer) {
        JsonNode body = river.requests("POST /patients/links").get(0).body();
        String statement = "medmesh-link|" + city.did().value() + "|" + fixture.patientAt(city).value() + "|"
                + fixture.patientAt(river).value();
        return DidAuthResponse.verify(body.get(field).textValue(), river.did().value(), statement,
                river.patientKeys(signer).orElseThrow().signingKey().encoded(), Cli.NOW, Duration.ofMinutes(5));
    }

    @Nested
    class WhenEnrolledAtBoth {

        @BeforeEach
        void enrolAtRiver() {
            fixture.enrolAtRiver();
        }

        @Test
        void tells_the_node_who_the_patient_is_at_the_holder_in_plain_words() {
            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.url());

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(result.out()).contains("River Clinic can now ask City Hospital for your records — only what "
                    + "your consents allow.");
            assertThat(river.links()).containsExactly(
                    new FakeNode.Link(fixture.patientAt(river), city.did(), fixture.patientAt(city)));
        }

        @Test
        void signs_the_statement_here_with_the_did_at_the_node() {
            cli.run("link", "--node", river.url(), "--holder", city.url());

            assertThat(verified("here", fixture.patientAt(river))).isEqualTo(fixture.patientAt(river).value());
        }

        @Test
        void signs_the_statement_there_with_the_did_at_the_holder() {
            cli.run("link", "--node", river.url(), "--holder", city.url());

            assertThat(verified("there", fixture.patientAt(city))).isEqualTo(fixture.patientAt(city).value());
            assertThat(river.requests("POST /patients/links").get(0).body().get("holder").textValue())
                    .isEqualTo(city.did().value());
        }

        @Test
        void takes_the_holder_by_its_did_without_asking_its_node() {
            int before = city.requests().size();

            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.did());

            assertThat(result.out()).contains("River Clinic can now ask CityHospitalMSP for your records");
            assertThat(city.requests()).hasSize(before);
            assertThat(river.links()).hasSize(1);
        }

        @Test
        void names_the_dids_only_with_details() {
            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.url(), "--details");

            assertThat(result.out()).contains(fixture.patientAt(city).value())
                    .contains(fixture.patientAt(river).value());
        }

        @Test
        void refuses_the_same_hospital_twice_and_sends_nothing() {
            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", river.did());

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.errorLine()).contains("--holder names the hospital at --node");
            assertThat(river.requests("POST /patients/links")).isEmpty();
        }

        @Test
        void reports_the_nodes_refusal() {
            river.script("POST /patients/links", FakeNode.problem(422, "NOT_VERIFIED", "a signature does not verify"));

            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine())
                    .isEqualTo("error: the hospital refused (NOT_VERIFIED): a signature does not verify");
        }

        @Test
        void reports_a_node_that_does_not_answer() {
            river.script("POST /patients/links", new FakeNode.HangUp(false));

            Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).startsWith("error: no answer in time from the hospital at " + river.url());
        }
    }

    @Test
    void refuses_when_not_enrolled_at_the_node_and_sends_nothing() {
        Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).isEqualTo("error: you are not enrolled at River Clinic: enrol there first with "
                + "`patient enrol --node " + river.url() + " --challenge CODE`");
        assertThat(river.requests("POST /patients/links")).isEmpty();
        assertThat(fixture.knows(river)).isFalse();
    }

    @Test
    void refuses_when_the_wallet_has_no_identity_at_the_holder_and_creates_none() {
        Cli.Result result = cli.run("link", "--node", city.url(), "--holder", river.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).isEqualTo("error: you have no identity on the ledger for River Clinic, so it "
                + "holds no records of yours to link: enrol there first with `patient enrol --node " + river.url()
                + " --challenge CODE`");
        assertThat(city.requests("POST /patients/links")).isEmpty();
        assertThat(fixture.knows(river)).isFalse();
    }

    @Test
    void reports_an_unreachable_node() {
        river.close();

        Cli.Result result = cli.run("link", "--node", river.url(), "--holder", city.did());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).startsWith("error: hospital unreachable at " + river.url());
    }

    @Test
    void needs_the_holder() {
        Cli.Result result = cli.run("link", "--node", river.url());

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errorLine()).contains("--holder URL|DID");
    }
}
