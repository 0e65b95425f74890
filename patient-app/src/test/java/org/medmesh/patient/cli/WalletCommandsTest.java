package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.wallet.Wallet;

/** {@code create}, {@code show}, {@code backup}, {@code restore}. */
class WalletCommandsTest {

    @TempDir
    Path home;

    private Cli cli;
    private final FakeNode city = FakeNode.start("CityHospitalMSP", "City Hospital", Cli.NOW);
    private final FakeNode river = FakeNode.start("RiverClinicMSP", null, Cli.NOW);

    @BeforeEach
    void createWallet() {
        cli = new Cli(home);
        assertThat(cli.run("create").status()).isZero();
    }

    @AfterEach
    void stopNodes() {
        city.close();
        river.close();
    }

    private void enrolAtCityAndGrant() {
        city.issueChallenge("C1");
        assertThat(cli.run("enrol", "--node", city.url(), "--challenge", "C1").status()).isZero();
        assertThat(cli.run("consent", "grant", "--node", city.url(), "--to", river.did()).status()).isZero();
    }

    @Nested
    class Create {

        @Test
        void says_where_the_wallet_is_and_what_comes_next() {
            Cli.Result result = new Cli(home.resolve("other")).run("create");

            assertThat(result.out()).contains("Created a new wallet at").contains("patient enrol");
        }

        @Test
        void refuses_to_replace_an_existing_wallet() {
            byte[] before = cli.walletBytes();

            Cli.Result result = cli.run("create");

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("a wallet already exists at").contains("it was not changed");
            assertThat(cli.walletBytes()).isEqualTo(before);
        }
    }

    @Nested
    class Show {

        @Test
        void says_when_there_are_no_hospitals() {
            assertThat(cli.run("show").out()).contains("No hospitals yet");
        }

        @Test
        void lists_hospitals_enrolment_and_consents_without_dids() {
            enrolAtCityAndGrant();

            Cli.Result result = cli.run("show");

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("CityHospitalMSP: enrolled since 2026-03-02T09:30:00Z at " + city.url())
                    .contains("on the ledger, key version 1").contains("consents: 1 active")
                    .doesNotContain("did:medmesh");
        }

        @Test
        void adds_the_dids_with_details() {
            enrolAtCityAndGrant();

            Cli.Result result = cli.run("show", "--details");

            try (Wallet wallet = cli.openWallet()) {
                assertThat(result.out()).contains(wallet.identityFor(city.did()).did().value())
                        .contains(city.did().value());
            }
        }
    }

    @Nested
    class BackupAndRestore {

        @Test
        void restore_gives_back_the_hospitals_and_consents_of_the_backup() {
            enrolAtCityAndGrant();
            Path backup = home.resolve("backup.json");
            assertThat(cli.run("backup", "--to", backup).status()).isZero();
            Path restored = home.resolve("restored/wallet.json");

            Cli.Result result = cli.run("restore", "--from", backup, "--wallet", restored);

            assertThat(result.status()).isZero();
            assertThat(result.out()).contains("1 hospital(s)");
            try (Wallet original = cli.openWallet();
                    Wallet copy = Wallet.open(restored, Cli.PASSPHRASE.toCharArray())) {
                assertThat(copy.hospitals()).isEqualTo(original.hospitals());
                assertThat(copy.consents(city.did())).isEqualTo(original.consents(city.did()));
            }
        }

        @Test
        void backup_refuses_to_overwrite_a_file() throws Exception {
            Path target = Files.writeString(home.resolve("taken.json"), "keep me");

            Cli.Result result = cli.run("backup", "--to", target);

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("a file already exists at");
            assertThat(Files.readString(target)).isEqualTo("keep me");
        }

        @Test
        void backup_needs_a_backup_passphrase() {
            cli.env.remove(Passphrases.BACKUP_ENV);

            Cli.Result result = cli.run("backup", "--to", home.resolve("b.json"));

            assertThat(result.errorLine()).contains("no backup passphrase: set MEDMESH_BACKUP_PASSPHRASE");
            assertThat(home.resolve("b.json")).doesNotExist();
        }

        @Test
        void restore_with_the_wrong_backup_passphrase_writes_nothing() {
            Path backup = home.resolve("backup.json");
            cli.run("backup", "--to", backup);
            cli.env.put(Passphrases.BACKUP_ENV, "wrong");
            Path restored = home.resolve("restored.json");

            Cli.Result result = cli.run("restore", "--from", backup, "--wallet", restored);

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: wrong backup passphrase: nothing was written");
            assertThat(restored).doesNotExist();
        }

        @Test
        void restore_never_replaces_a_wallet() {
            Path backup = home.resolve("backup.json");
            cli.run("backup", "--to", backup);
            byte[] before = cli.walletBytes();

            Cli.Result result = cli.run("restore", "--from", backup);

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("restoring never replaces one");
            assertThat(cli.walletBytes()).isEqualTo(before);
        }

        @Test
        void restore_names_a_missing_backup() {
            Cli.Result result = cli.run("restore", "--from", home.resolve("none.json"), "--wallet",
                    home.resolve("new.json"));

            assertThat(result.errorLine()).startsWith("error: no backup at");
        }
    }
}
