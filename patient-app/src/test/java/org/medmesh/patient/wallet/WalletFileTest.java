package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.patient.wallet.TestWallets.CITY;
import static org.medmesh.patient.wallet.TestWallets.assertCode;
import static org.medmesh.patient.wallet.TestWallets.fastSettings;
import static org.medmesh.patient.wallet.TestWallets.otherPassphrase;
import static org.medmesh.patient.wallet.TestWallets.passphrase;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.patient.seal.EnvelopeTampering;

/** The wallet file's life: create, open, damage, backup and restore. */
class WalletFileTest {

    @TempDir
    Path dir;

    private Path walletFile() {
        return dir.resolve("wallet.json");
    }

    @Nested
    class Create {

        @Test
        void creates_a_wallet_that_opens_with_its_passphrase() {
            String id;
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                id = wallet.walletId();
            }

            try (Wallet reopened = Wallet.open(walletFile(), passphrase(), fastSettings())) {
                assertThat(reopened.walletId()).isEqualTo(id).startsWith("w-");
                assertThat(reopened.hospitals()).isEmpty();
            }
        }

        @Test
        void creates_with_the_default_argon2id_cost() {
            Wallet.create(walletFile(), passphrase(), new SecureRandom(), Clock.systemUTC()).close();

            assertThat(new String(read(walletFile()), StandardCharsets.UTF_8)).contains("\"memoryKib\":65536");
        }

        @Test
        void refuses_to_replace_an_existing_file() throws IOException {
            Files.writeString(walletFile(), "precious");

            assertCode(() -> Wallet.create(walletFile(), passphrase(), fastSettings()), WalletException.Code.EXISTS);
            assertThat(Files.readString(walletFile())).isEqualTo("precious");
        }

        @Test
        void makes_the_file_readable_by_its_owner_only() throws IOException {
            Wallet.create(walletFile(), passphrase(), fastSettings()).close();

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(walletFile())))
                    .isEqualTo("rw-------");
        }
    }

    @Nested
    class Open {

        @Test
        void reports_a_wrong_passphrase_and_leaves_the_file_alone() {
            Wallet.create(walletFile(), passphrase(), fastSettings()).close();
            byte[] before = read(walletFile());

            assertCode(() -> Wallet.open(walletFile(), otherPassphrase(), fastSettings()),
                    WalletException.Code.WRONG_PASSPHRASE);
            assertThat(read(walletFile())).isEqualTo(before);
        }

        @Test
        void reports_a_missing_file_as_not_found() {
            assertCode(() -> Wallet.open(walletFile(), passphrase()), WalletException.Code.NOT_FOUND);
        }

        @Test
        void never_stores_keys_or_dids_in_the_clear() {
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                PatientIdentity identity = wallet.identityFor(CITY);
                String file = new String(read(walletFile()), StandardCharsets.UTF_8);

                assertThat(file).doesNotContain(identity.did().value(), CITY.value(),
                        identity.publicKeys().signingKey().encoded(),
                        identity.keyRing().privateJson().get("signing").asText());
            }
        }
    }

    @Nested
    class Damage {

        @Test
        void reports_every_flipped_byte_as_damaged_and_never_writes() throws IOException {
            byte[] original = walletWithOneHospital();
            for (int i = 0; i < original.length; i++) {
                byte[] damaged = EnvelopeTampering.flipped(original, i, 0x20);
                Files.write(walletFile(), damaged);

                assertCode(() -> Wallet.open(walletFile(), passphrase(), fastSettings()), WalletException.Code.DAMAGED);
                assertThat(read(walletFile())).isEqualTo(damaged);
            }
        }

        @Test
        void reports_altered_ciphertext_as_damaged_even_with_a_fixed_up_checksum() throws IOException {
            byte[] original = walletWithOneHospital();
            byte[] ciphertext = Base64Url.decode(EnvelopeTampering.field(original, "ciphertext"));
            for (int i = 0; i < ciphertext.length; i += 97) {
                String altered = Base64Url.encode(EnvelopeTampering.flipped(ciphertext, i, 0x01));
                Files.write(walletFile(), EnvelopeTampering.edit(original, doc -> doc.put("ciphertext", altered)));

                assertCode(() -> Wallet.open(walletFile(), passphrase(), fastSettings()), WalletException.Code.DAMAGED);
            }
        }

        @Test
        void reports_a_truncated_file_as_damaged() throws IOException {
            byte[] original = walletWithOneHospital();
            for (int length : new int[] {0, 1, original.length / 2, original.length - 1}) {
                Files.write(walletFile(), Arrays.copyOf(original, length));

                assertCode(() -> Wallet.open(walletFile(), passphrase(), fastSettings()), WalletException.Code.DAMAGED);
            }
        }

        private byte[] walletWithOneHospital() {
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                wallet.identityFor(CITY);
            }
            return read(walletFile());
        }
    }

    @Nested
    class BackupAndRestore {

        @Test
        void restores_a_backup_under_a_new_passphrase() {
            Path backup = dir.resolve("backup.json");
            Path restoredFile = dir.resolve("restored.json");
            PatientIdentity identity;
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                identity = wallet.identityFor(CITY);
                wallet.backup(backup, otherPassphrase());
            }

            Wallet.restore(backup, otherPassphrase(), restoredFile, "new phrase".toCharArray(), fastSettings()).close();

            try (Wallet restored = Wallet.open(restoredFile, "new phrase".toCharArray(), fastSettings())) {
                assertThat(restored.identityFor(CITY).publicKeys()).isEqualTo(identity.publicKeys());
            }
        }

        @Test
        void seals_the_backup_under_the_backup_passphrase_only() {
            Path backup = dir.resolve("backup.json");
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                wallet.backup(backup, otherPassphrase());
            }

            assertCode(() -> Wallet.open(backup, passphrase(), fastSettings()), WalletException.Code.WRONG_PASSPHRASE);
        }

        @Test
        void backup_refuses_to_overwrite_a_file() throws IOException {
            Path backup = dir.resolve("backup.json");
            Files.writeString(backup, "older backup");
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                assertCode(() -> wallet.backup(backup, otherPassphrase()), WalletException.Code.EXISTS);
            }
            assertThat(Files.readString(backup)).isEqualTo("older backup");
        }

        @Test
        void restore_refuses_to_overwrite_a_wallet() {
            Path backup = dir.resolve("backup.json");
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                wallet.identityFor(CITY);
                wallet.backup(backup, otherPassphrase());
            }
            byte[] before = read(walletFile());

            assertCode(() -> Wallet.restore(backup, otherPassphrase(), walletFile(), passphrase(), fastSettings()),
                    WalletException.Code.EXISTS);
            assertThat(read(walletFile())).isEqualTo(before);
        }

        @Test
        void a_wrong_backup_passphrase_writes_nothing() {
            Path backup = dir.resolve("backup.json");
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                wallet.backup(backup, otherPassphrase());
            }
            Path restoredFile = dir.resolve("restored.json");

            assertCode(() -> Wallet.restore(backup, passphrase(), restoredFile, passphrase(), fastSettings()),
                    WalletException.Code.WRONG_PASSPHRASE);
            assertThat(restoredFile).doesNotExist();
        }

        @Test
        void a_damaged_backup_writes_nothing() throws IOException {
            Path backup = dir.resolve("backup.json");
            try (Wallet wallet = Wallet.create(walletFile(), passphrase(), fastSettings())) {
                wallet.backup(backup, otherPassphrase());
            }
            Files.write(backup, EnvelopeTampering.flipped(read(backup), 40, 0x01));
            Path restoredFile = dir.resolve("restored.json");

            assertCode(() -> Wallet.restore(backup, otherPassphrase(), restoredFile, passphrase(), fastSettings()),
                    WalletException.Code.DAMAGED);
            assertThat(restoredFile).doesNotExist();
        }
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
