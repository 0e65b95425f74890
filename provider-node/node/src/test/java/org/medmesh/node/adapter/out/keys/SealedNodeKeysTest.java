package org.medmesh.node.adapter.out.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.application.port.NodeKeysException;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;

/** The contract on sealed files, and what the files themselves must do: stay sealed, owner-only, unchanged. */
class SealedNodeKeysTest extends NodeKeyStoreContractTest {
    /** Cheap Argon2id for tests; the node seals with {@link Argon2idParameters#DEFAULT}. */
    static final PassphraseSeal SEAL = new PassphraseSeal(new Argon2idParameters(1024, 1, 1));
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    Path dataDir;

    @Override
    protected NodeKeyStore store() {
        return open(Optional.of(PASSPHRASE));
    }

    private SealedNodeKeys open(Optional<String> passphrase) {
        return SealedNodeKeys.open(dataDir, () -> ORGANIZATION, passphrase, SEAL, new SecureRandom());
    }

    private Path identity() {
        return dataDir.resolve(SealedNodeKeys.DIRECTORY);
    }

    private Path keyFile() {
        return identity().resolve(SealedNodeKeys.KEY_FILE);
    }

    @Nested
    class KeyFile {
        @Test
        void is_owner_only_in_an_owner_only_directory() throws Exception {
            store();

            assertThat(permissions(keyFile())).isEqualTo("rw-------");
            assertThat(permissions(identity())).isEqualTo("rwx------");
        }

        @Test
        void gives_the_same_keys_when_reopened() {
            NodePublicKeys created = store().publicKeys();

            assertThat(store().publicKeys()).isEqualTo(created);
        }

        @Test
        void holds_no_private_key_in_any_common_spelling() throws Exception {
            store();
            byte[] file = Files.readAllBytes(keyFile());
            byte[] plaintext = SEAL.open(PASSPHRASE.toCharArray(), file);

            byte[][] privateKeys = {Arrays.copyOfRange(plaintext, 1, 33), Arrays.copyOfRange(plaintext, 33, 65)};
            for (byte[] key : privateKeys) {
                assertThat(indexOf(file, key)).isEqualTo(-1);
                String text = new String(file, StandardCharsets.ISO_8859_1);
                assertThat(text).doesNotContain(Base64.getUrlEncoder().withoutPadding().encodeToString(key),
                        Base64.getEncoder().encodeToString(key), HexFormat.of().formatHex(key));
            }
        }

        @Test
        void refuses_a_wrong_passphrase_and_leaves_the_file_unchanged() throws Exception {
            store();
            byte[] sealed = Files.readAllBytes(keyFile());

            assertThatThrownBy(() -> open(Optional.of("not the passphrase")))
                    .isInstanceOfSatisfying(NodeKeysException.class, e -> {
                        assertThat(e.code()).isEqualTo(NodeKeysException.Code.WRONG_PASSPHRASE);
                        assertThat(e.getMessage()).contains(keyFile().toString(), "MEDMESH_NODE_KEY_PASSPHRASE");
                    });
            assertThat(Files.readAllBytes(keyFile())).isEqualTo(sealed);
        }

        @Test
        void refuses_an_altered_file_as_damaged_and_leaves_it() throws Exception {
            store();
            byte[] altered = Files.readAllBytes(keyFile());
            altered[altered.length / 2] ^= 1;
            Files.write(keyFile(), altered);

            assertThatThrownBy(() -> store()).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.DAMAGED));
            assertThat(Files.readAllBytes(keyFile())).isEqualTo(altered);
        }

        @Test
        void refuses_an_envelope_that_does_not_hold_node_keys() throws Exception {
            Files.createDirectories(identity());
            Files.write(keyFile(), SEAL.seal(PASSPHRASE.toCharArray(), new byte[] {1, 2, 3}, new SecureRandom()));

            assertThatThrownBy(() -> store()).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.DAMAGED));
        }

        @Test
        void keeps_pending_keys_across_a_restart() {
            NodePublicKeys staged = store().stagePending();

            NodeKeyStore reopened = store();

            assertThat(reopened.pending()).contains(staged);
            reopened.promotePending();
            assertThat(store().publicKeys()).isEqualTo(staged);
            assertThat(identity().resolve(SealedNodeKeys.PENDING_FILE)).doesNotExist();
        }

        @Test
        void hides_the_private_keys_from_to_string() {
            SealedNodeKeys keys = open(Optional.of(PASSPHRASE));

            assertThat(keys.toString()).contains("hidden", keys.publicKeys().signingKey());
        }
    }

    @Nested
    class WithoutAConfiguredPassphrase {
        @Test
        void seals_under_a_generated_owner_only_passphrase_file() throws Exception {
            SealedNodeKeys keys = open(Optional.empty());

            assertThat(keys.sealedUnderPassphraseFile()).isTrue();
            assertThat(permissions(identity().resolve("passphrase"))).isEqualTo("rw-------");
            assertThat(open(Optional.empty()).publicKeys()).isEqualTo(keys.publicKeys());
        }

        @Test
        void refuses_keys_whose_passphrase_file_is_gone_and_creates_none() throws Exception {
            open(Optional.empty());
            Files.delete(identity().resolve("passphrase"));

            assertThatThrownBy(() -> open(Optional.empty())).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.NO_PASSPHRASE));
            assertThat(identity().resolve("passphrase")).doesNotExist();
        }

        @Test
        void refuses_an_empty_configured_passphrase() {
            assertThatThrownBy(() -> open(Optional.of(""))).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.NO_PASSPHRASE));
        }

        @Test
        void does_not_open_keys_sealed_under_a_configured_passphrase() {
            store();

            assertThatThrownBy(() -> open(Optional.empty())).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.NO_PASSPHRASE));
        }
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
