package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.Wallet;

/** {@code patient rotate --node URL [--recovery] [--resume]}. */
class RotateCommandTest {

    @TempDir
    Path home;

    private Cli cli;
    private final FakeNode city = FakeNode.start("CityHospitalMSP", "City Hospital", Cli.NOW);
    private final FakeNode river = FakeNode.start("RiverClinicMSP", "River Clinic", Cli.NOW);

    @BeforeEach
    void enrol() {
        cli = new Cli(home);
        cli.run("create");
        city.issueChallenge("C1");
        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C1").status()).isZero();
    }

    @AfterEach
    void stopNodes() {
        city.close();
        river.close();
    }

    private Did patient() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.identityFor(city.did()).did();
        }
    }

    private PatientKeys walletKeys() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.identityFor(city.did()).publicKeys();
        }
    }

    private boolean pending() {
        try (Wallet wallet = cli.openWallet()) {
            return wallet.pendingRotation(city.did()).isPresent();
        }
    }

    @Test
    void puts_new_keys_in_use_that_the_ledger_has() {
        PatientKeys before = walletKeys();

        Cli.Result result = cli.run("rotate", "--node", city.url());

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("New keys in use at City Hospital (key version 2)").contains("new backup");
        assertThat(walletKeys()).isNotEqualTo(before);
        assertThat(city.patientKeys(patient())).contains(walletKeys());
        assertThat(walletKeys().recoveryKey()).isEqualTo(before.recoveryKey());
    }

    @Test
    void replaces_the_recovery_key_too_with_recovery() {
        PatientKeys before = walletKeys();

        assertThat(cli.run("rotate", "--node", city.url(), "--recovery").status()).isZero();

        assertThat(walletKeys().recoveryKey()).isNotEqualTo(before.recoveryKey());
        assertThat(city.patientKeys(patient())).contains(walletKeys());
    }

    @Test
    void drops_the_new_keys_when_the_ledger_refuses() {
        PatientKeys before = walletKeys();
        city.script("POST /relay/patients/rotations", FakeNode.problem(409, "STALE_VERSION", "old version"));

        Cli.Result result = cli.run("rotate", "--node", city.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("the ledger refused (STALE_VERSION)").contains("were dropped");
        assertThat(pending()).isFalse();
        assertThat(walletKeys()).isEqualTo(before);
    }

    @Test
    void keeps_the_rotation_pending_when_the_connection_drops_and_says_how_to_finish() {
        city.script("POST /relay/patients/rotations", new FakeNode.HangUp(false));

        Cli.Result result = cli.run("rotate", "--node", city.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("no answer in time")
                .contains("`patient rotate --node " + city.url() + " --resume`");
        assertThat(pending()).isTrue();
    }

    @Test
    void resume_sends_the_same_signed_operation_again() {
        city.script("POST /relay/patients/rotations", new FakeNode.HangUp(false));
        cli.run("rotate", "--node", city.url());

        Cli.Result result = cli.run("rotate", "--node", city.url(), "--resume");

        assertThat(result.status()).isZero();
        var sent = city.requests("POST /relay/patients/rotations");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).body()).isEqualTo(sent.get(0).body());
        assertThat(city.patientKeys(patient())).contains(walletKeys());
        assertThat(pending()).isFalse();
    }

    @Test
    void resume_after_the_ledger_applied_the_rotation_uses_the_new_keys() {
        city.script("POST /relay/patients/rotations", new FakeNode.HangUp(true));
        cli.run("rotate", "--node", city.url());

        Cli.Result result = cli.run("rotate", "--node", city.url(), "--resume");

        assertThat(result.status()).isZero();
        assertThat(result.out()).contains("the new keys are now in use");
        assertThat(city.patientKeys(patient())).contains(walletKeys());
        assertThat(cli.run("consent", "grant", "--node", city.url(), "--to", river.did()).status()).isZero();
    }

    @Test
    void refuses_a_new_rotation_while_one_is_pending() {
        city.script("POST /relay/patients/rotations", new FakeNode.HangUp(false));
        cli.run("rotate", "--node", city.url());

        Cli.Result result = cli.run("rotate", "--node", city.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("already pending").contains("--resume");
        assertThat(city.requests("POST /relay/patients/rotations")).hasSize(1);
    }

    @Test
    void resume_without_a_pending_rotation_says_so() {
        Cli.Result result = cli.run("rotate", "--node", city.url(), "--resume");

        assertThat(result.errorLine()).isEqualTo("error: no key rotation is pending for City Hospital");
    }

    @Test
    void refuses_a_hospital_the_wallet_has_no_identity_for() {
        Cli.Result result = cli.run("rotate", "--node", river.url());

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("no identity for River Clinic: enrol there first");
    }
}
