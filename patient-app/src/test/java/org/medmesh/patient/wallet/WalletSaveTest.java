package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.medmesh.patient.wallet.TestWallets.CITY;
import static org.medmesh.patient.wallet.TestWallets.assertCode;
import static org.medmesh.patient.wallet.TestWallets.fastSettings;
import static org.medmesh.patient.wallet.TestWallets.passphrase;
import static org.medmesh.patient.wallet.WalletFileTest.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving replaces the file in one step: a failure at any point leaves the previous wallet. */
class WalletSaveTest {

    @TempDir
    Path dir;

    @Nested
    class WhenTheRenameFails {

        private final WalletFiles failingRename = new WalletFiles((temporary, target) -> {
            throw new IOException("simulated crash before the rename");
        });

        @Test
        void the_old_file_is_intact_and_the_change_is_not_applied() {
            Path file = dir.resolve("wallet.json");
            Wallet.create(file, passphrase(), fastSettings()).close();
            byte[] before = read(file);

            try (Wallet wallet = Wallet.open(file, passphrase(), fastSettings(), failingRename)) {
                assertCode(() -> wallet.identityFor(CITY), WalletException.Code.IO_FAILURE);
                assertThat(wallet.hospitals()).isEmpty();
            }
            assertThat(read(file)).isEqualTo(before);
        }

        @Test
        void no_temporary_file_is_left_behind() throws IOException {
            Path file = dir.resolve("wallet.json");
            Wallet.create(file, passphrase(), fastSettings()).close();

            try (Wallet wallet = Wallet.open(file, passphrase(), fastSettings(), failingRename)) {
                assertCode(wallet::save, WalletException.Code.IO_FAILURE);
            }
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).containsExactly(file);
            }
        }
    }

    @Nested
    class WhenTheDirectoryIsReadOnly {

        @Test
        void the_old_file_is_intact_and_the_wallet_still_opens() throws IOException {
            Path walletDir = Files.createDirectory(dir.resolve("wallet"));
            Path file = walletDir.resolve("wallet.json");
            Wallet.create(file, passphrase(), fastSettings()).close();
            byte[] before = read(file);
            Files.setPosixFilePermissions(walletDir, PosixFilePermissions.fromString("r-x------"));
            try {
                assumeFalse(Files.isWritable(walletDir), "permissions are not enforced for this user (root?)");
                try (Wallet wallet = Wallet.open(file, passphrase(), fastSettings())) {
                    assertCode(() -> wallet.identityFor(CITY), WalletException.Code.IO_FAILURE);
                }
                assertThat(read(file)).isEqualTo(before);
                Wallet.open(file, passphrase(), fastSettings()).close();
            } finally {
                Files.setPosixFilePermissions(walletDir, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }

    @Nested
    class WhenItSucceeds {

        @Test
        void reseals_with_a_fresh_nonce_and_keeps_owner_only_permissions() throws IOException {
            Path file = dir.resolve("wallet.json");
            try (Wallet wallet = Wallet.create(file, passphrase(), fastSettings())) {
                byte[] before = read(file);

                wallet.save();

                assertThat(read(file)).isNotEqualTo(before);
            }
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
    }
}
