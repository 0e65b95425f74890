package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.Enrolment;
import org.medmesh.patient.wallet.Wallet;

/** {@code patient enrol --node URL --challenge CODE}. */
class EnrolCommandTest {

    @TempDir
    Path home;

    private Cli cli;
    private final FakeNode city = FakeNode.start("CityHospitalMSP", "City Hospital", Cli.NOW);

    @BeforeEach
    void createWallet() {
        cli = new Cli(home);
        cli.run("create");
        city.issueChallenge("C1");
    }

    @AfterEach
    void stopNode() {
        city.close();
    }

    private Did patientDid() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.identityFor(city.did()).did();
        }
    }

    @Test
    void registers_the_pairwise_did_and_answers_the_challenge() {
        Cli.Result result = cli.run("enrol", "--node", city.url(), "--challenge", "C1");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("Enrolled at City Hospital.");
        Did patient = patientDid();
        assertThat(city.patientVersion(patient)).isEqualTo(1);
        assertThat(city.isEnrolled(patient)).isTrue();
        try (Wallet wallet = cli.openWallet()) {
            assertThat(wallet.isRegistered(city.did())).isTrue();
            assertThat(wallet.enrolment(city.did())).map(Enrolment::enrolled).contains(true);
            assertThat(wallet.enrolment(city.did()).orElseThrow().serviceEndpoint().url())
                    .isEqualTo(city.url().toString());
        }
    }

    @Test
    void signs_the_response_for_this_hospital_and_this_code() {
        cli.run("enrol", "--node", city.url(), "--challenge", "C1");

        String response = city.requests("POST /enrolments/*/response").get(0).body().get("response").textValue();
        ObjectNode payload = CompactJws.parse(response).payload();
        assertThat(payload.get("aud").textValue()).isEqualTo(city.did().value());
        assertThat(payload.get("challenge").textValue()).isEqualTo("C1");
        assertThat(payload.get("did").textValue()).isEqualTo(patientDid().value());
        assertThat(payload.get("iat").textValue()).isEqualTo(Cli.NOW.toString());
    }

    @Test
    void registers_the_did_only_once() {
        cli.run("enrol", "--node", city.url(), "--challenge", "C1");
        city.issueChallenge("C2");

        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C2").status()).isZero();

        assertThat(city.requests("POST /relay/patients")).hasSize(1);
    }

    @Test
    void gives_each_hospital_its_own_did() {
        try (FakeNode river = FakeNode.start("RiverClinicMSP", "River Clinic", Cli.NOW)) {
            river.issueChallenge("R1");
            cli.run("enrol", "--node", city.url(), "--challenge", "C1");

            cli.run("enrol", "--node", river.url(), "--challenge", "R1");

            try (Wallet wallet = cli.openWallet()) {
                Did atCity = wallet.identityFor(city.did()).did();
                Did atRiver = wallet.identityFor(river.did()).did();
                assertThat(atCity).isNotEqualTo(atRiver);
                assertThat(river.isEnrolled(atRiver)).isTrue();
                assertThat(river.patientKeys(atCity)).isEmpty();
            }
        }
    }

    @Test
    void a_refused_code_says_to_ask_for_a_new_one_and_keeps_the_registration() {
        Cli.Result result = cli.run("enrol", "--node", city.url(), "--challenge", "WRONG");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("the hospital refused (UNKNOWN_CHALLENGE)")
                .contains("registration desk for a new code");
        try (Wallet wallet = cli.openWallet()) {
            assertThat(wallet.isRegistered(city.did())).isTrue();
            assertThat(wallet.enrolment(city.did())).isEmpty();
        }
    }

    @Test
    void an_unreachable_hospital_changes_nothing() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        byte[] before = cli.walletBytes();

        Cli.Result result = cli.run("enrol", "--node", "http://127.0.0.1:" + port, "--challenge", "C1");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).startsWith("error: hospital unreachable at http://127.0.0.1:" + port)
                .contains("nothing was lost");
        assertThat(cli.walletBytes()).isEqualTo(before);
    }

    @Test
    void a_registration_whose_answer_was_lost_is_recognised_on_the_next_try() {
        city.script("POST /relay/patients", new FakeNode.HangUp(true));
        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C1").status()).isEqualTo(1);

        Cli.Result retry = cli.run("enrol", "--node", city.url(), "--challenge", "C1");

        assertThat(retry.status()).isZero();
        assertThat(city.isEnrolled(patientDid())).isTrue();
    }

    @Test
    void prints_the_dids_only_with_details() {
        Cli.Result result = cli.run("enrol", "--node", city.url(), "--challenge", "C1", "--details");

        assertThat(result.out()).contains(patientDid().value()).contains(city.did().value());
    }

    @Test
    void refuses_an_address_that_is_not_a_node_url() {
        Cli.Result result = cli.run("enrol", "--node", "city-hospital", "--challenge", "C1");

        assertThat(result.status()).isEqualTo(2);
        assertThat(result.errorLine()).contains("not a hospital node address: city-hospital");
    }
}
