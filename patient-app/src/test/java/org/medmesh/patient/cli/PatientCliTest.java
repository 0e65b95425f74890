package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.patient.wallet.Wallet;

/** The command line as a whole: dispatch, passphrases, the wallet's place, the test KDF switch. */
class PatientCliTest {

    @TempDir
    Path home;

    private Cli cli;

    @BeforeEach
    void setUp() {
        cli = new Cli(home);
    }

    @Nested
    class Dispatch {

        @Test
        void prints_the_commands_for_help() {
            Cli.Result result = cli.run("help");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("consent grant --node URL --to DID|URL").contains("rotate --node URL");
        }

        @Test
        void prints_link_and_access_for_help() {
            assertThat(cli.run("help").out()).contains("link --node URL --holder URL|DID")
                    .contains("access [--node URL] [--hospital URL|DID] [--details]");
        }

        @Test
        void prints_records_for_help() {
            assertThat(cli.run("help").out()).contains("records --node URL [--out FILE] [--details]")
                    .contains("records: everything the hospital at --node holds about you");
        }

        @Test
        void prints_the_commands_without_arguments() {
            assertThat(cli.run().out()).startsWith("usage: medmesh patient");
        }

        @Test
        void refuses_an_unknown_command_with_status_2() {
            Cli.Result result = cli.run("consent", "forget");

            assertThat(result.status()).isEqualTo(2);
            assertThat(result.errorLine()).isEqualTo("error: unknown command: patient consent forget");
        }

        @Test
        void skips_a_leading_patient_word() {
            assertThat(cli.run("patient", "create").status()).isZero();
            assertThat(cli.walletFile()).exists();
        }

        @Test
        void refuses_an_option_the_command_does_not_take_and_does_nothing() {
            Cli.Result result = cli.run("create", "--node", "http://127.0.0.1:1");

            assertThat(result.status()).isEqualTo(2);
            assertThat(cli.walletFile()).doesNotExist();
        }
    }

    @Nested
    class WalletFile {

        @Test
        void lives_under_medmesh_home_by_default() {
            cli.run("create");

            assertThat(home.resolve("patient/wallet.json")).exists();
        }

        @Test
        void is_the_one_wallet_names() {
            Path elsewhere = home.resolve("elsewhere/w.json");

            assertThat(cli.run("create", "--wallet", elsewhere).status()).isZero();

            assertThat(elsewhere).exists();
            assertThat(cli.walletFile()).doesNotExist();
        }
    }

    @Nested
    class Passphrase {

        @Test
        void is_refused_when_neither_the_environment_nor_a_terminal_gives_one() {
            cli.env.remove(Passphrases.WALLET_ENV);

            Cli.Result result = cli.run("create");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: no wallet passphrase: set MEDMESH_WALLET_PASSPHRASE "
                    + "or run the command in a terminal");
            assertThat(cli.walletFile()).doesNotExist();
        }

        @Test
        void is_typed_twice_at_the_terminal_for_a_new_wallet() {
            cli.env.remove(Passphrases.WALLET_ENV);
            cli.terminal = true;
            cli.typed.add(Cli.PASSPHRASE);
            cli.typed.add(Cli.PASSPHRASE);

            assertThat(cli.run("create").status()).isZero();
            try (Wallet wallet = cli.openWallet()) {
                assertThat(wallet.hospitals()).isEmpty();
            }
        }

        @Test
        void typed_twice_differently_writes_nothing() {
            cli.env.remove(Passphrases.WALLET_ENV);
            cli.terminal = true;
            cli.typed.add(Cli.PASSPHRASE);
            cli.typed.add("something else");

            Cli.Result result = cli.run("create");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("differ: nothing was written");
            assertThat(cli.walletFile()).doesNotExist();
        }

        @Test
        void that_is_wrong_changes_nothing_and_says_so() {
            cli.run("create");
            byte[] before = cli.walletBytes();
            cli.env.put(Passphrases.WALLET_ENV, "not the passphrase");

            Cli.Result result = cli.run("show");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: wrong passphrase: the wallet was not changed");
            assertThat(cli.walletBytes()).isEqualTo(before);
        }
    }

    @Nested
    class KdfSwitch {

        @Test
        void warns_that_the_test_cost_is_for_tests_only() {
            assertThat(cli.run("create").err()).contains("warning: MEDMESH_WALLET_KDF=test");
        }

        @Test
        void seals_at_the_default_cost_when_unset() throws Exception {
            cli.env.remove(PatientCli.KDF_ENV);

            Cli.Result result = cli.run("create");

            assertThat(result.err()).isEmpty();
            assertThat(Files.readString(cli.walletFile())).contains("\"memoryKib\":65536");
        }

        @Test
        void refuses_any_other_value() {
            cli.env.put(PatientCli.KDF_ENV, "fast");

            Cli.Result result = cli.run("create");

            assertThat(result.status()).isEqualTo(2);
            assertThat(cli.walletFile()).doesNotExist();
        }
    }

    @Test
    void reports_a_damaged_wallet_as_damaged_and_leaves_it() throws Exception {
        cli.run("create");
        String sealed = Files.readString(cli.walletFile());
        Files.writeString(cli.walletFile(), sealed.substring(0, sealed.length() / 2));

        Cli.Result result = cli.run("show");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("is damaged or was altered: it was not changed");
        assertThat(Files.readString(cli.walletFile())).isEqualTo(sealed.substring(0, sealed.length() / 2));
    }

    @Test
    void says_how_to_create_a_wallet_when_there_is_none() {
        Cli.Result result = cli.run("show");

        assertThat(result.status()).isEqualTo(1);
        assertThat(result.errorLine()).contains("no wallet at").contains("patient create");
    }
}
