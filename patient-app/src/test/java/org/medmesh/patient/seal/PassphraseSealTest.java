package org.medmesh.patient.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.json.CanonicalJson;

class PassphraseSealTest {

    private static final Argon2idParameters FAST = new Argon2idParameters(1024, 1, 1);
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final byte[] SECRET = "the patient's keys".getBytes(StandardCharsets.UTF_8);

    private final SecureRandom random = new SecureRandom();
    private final PassphraseSeal seal = new PassphraseSeal(FAST);

    @Nested
    class Sealing {

        @Test
        void opens_what_it_sealed() {
            byte[] envelope = seal.seal(PASSPHRASE, SECRET, random);

            assertThat(seal.open(PASSPHRASE, envelope)).isEqualTo(SECRET);
        }

        @Test
        void opens_what_it_sealed_with_the_default_cost() {
            PassphraseSeal defaults = new PassphraseSeal();

            byte[] envelope = defaults.seal(PASSPHRASE, SECRET, random);

            assertThat(json(envelope).get("kdf").get("memoryKib").asInt()).isEqualTo(65536);
            assertThat(defaults.open(PASSPHRASE, envelope)).isEqualTo(SECRET);
        }

        @Test
        void writes_a_versioned_json_envelope_naming_its_algorithms() {
            ObjectNode envelope = json(seal.seal(PASSPHRASE, SECRET, random));

            assertThat(envelope.get("format").asText()).isEqualTo("medmesh.sealed");
            assertThat(envelope.get("version").asInt()).isEqualTo(1);
            assertThat(envelope.get("cipher").asText()).isEqualTo("A256GCM");
            assertThat(CanonicalJson.write(envelope.get("kdf"))).startsWith(
                    "{\"alg\":\"argon2id\",\"iterations\":1,\"memoryKib\":1024,\"parallelism\":1,\"salt\":");
            assertThat(Base64Url.decode(envelope.get("nonce").asText())).hasSize(12);
        }

        @Test
        void never_writes_the_plaintext() {
            byte[] envelope = seal.seal(PASSPHRASE, SECRET, random);

            assertThat(new String(envelope, StandardCharsets.UTF_8)).doesNotContain("patient", Base64Url.encode(SECRET));
        }

        @Test
        void uses_a_fresh_salt_and_nonce_each_time() {
            byte[] first = seal.seal(PASSPHRASE, SECRET, random);
            byte[] second = seal.seal(PASSPHRASE, SECRET, random);

            assertThat(json(first).get("kdf").get("salt")).isNotEqualTo(json(second).get("kdf").get("salt"));
            assertThat(EnvelopeTampering.field(first, "nonce")).isNotEqualTo(EnvelopeTampering.field(second, "nonce"));
        }

        @Test
        void refuses_an_empty_passphrase() {
            assertThatIllegalArgumentException().isThrownBy(() -> seal.seal(new char[0], SECRET, random));
        }

        @Test
        void leaves_the_callers_passphrase_untouched() {
            char[] passphrase = PASSPHRASE.clone();

            seal.open(passphrase, seal.seal(passphrase, SECRET, random));

            assertThat(passphrase).isEqualTo(PASSPHRASE);
        }
    }

    @Nested
    class Opening {

        private final byte[] envelope = seal.seal(PASSPHRASE, SECRET, random);

        @Test
        void reports_a_wrong_passphrase_as_such() {
            assertCode(() -> seal.open("correct horse battery stapler".toCharArray(), envelope),
                    SealException.Code.WRONG_PASSPHRASE);
        }

        @Test
        void reads_the_cost_from_the_envelope_not_from_its_own_settings() {
            assertThat(new PassphraseSeal().open(PASSPHRASE, envelope)).isEqualTo(SECRET);
        }

        @Test
        void reports_every_flipped_byte_of_the_file_as_damaged() {
            for (int i = 0; i < envelope.length; i++) {
                byte[] damaged = EnvelopeTampering.flipped(envelope, i, 0x01);
                assertCode(() -> seal.open(PASSPHRASE, damaged), SealException.Code.DAMAGED);
            }
        }

        @Test
        void reports_every_truncation_as_damaged() {
            for (int length = 0; length < envelope.length; length += 7) {
                byte[] truncated = Arrays.copyOf(envelope, length);
                assertCode(() -> seal.open(PASSPHRASE, truncated), SealException.Code.DAMAGED);
            }
        }

        @Test
        void reports_json_of_another_kind_as_unsupported() {
            byte[] other = "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);

            assertCode(() -> seal.open(PASSPHRASE, other), SealException.Code.UNSUPPORTED_FORMAT);
        }
    }

    /** Edits with the checksum fixed up: what an attacker could do, where only GCM and the key check stand. */
    @Nested
    class Tampering {

        private final byte[] envelope = seal.seal(PASSPHRASE, SECRET, random);

        @Test
        void every_flipped_bit_of_the_ciphertext_fails_authentication() {
            byte[] ciphertext = Base64Url.decode(EnvelopeTampering.field(envelope, "ciphertext"));
            for (int bit = 0; bit < ciphertext.length * 8; bit++) {
                String altered = Base64Url.encode(EnvelopeTampering.flipped(ciphertext, bit / 8, 1 << (bit % 8)));
                byte[] tampered = EnvelopeTampering.edit(envelope, doc -> doc.put("ciphertext", altered));
                assertCode(() -> seal.open(PASSPHRASE, tampered), SealException.Code.DAMAGED);
            }
        }

        @Test
        void a_changed_nonce_fails_authentication() {
            byte[] nonce = Base64Url.decode(EnvelopeTampering.field(envelope, "nonce"));
            String altered = Base64Url.encode(EnvelopeTampering.flipped(nonce, 0, 0x80));

            byte[] tampered = EnvelopeTampering.edit(envelope, doc -> doc.put("nonce", altered));

            assertCode(() -> seal.open(PASSPHRASE, tampered), SealException.Code.DAMAGED);
        }

        @Test
        void a_changed_salt_can_only_read_as_a_wrong_passphrase() {
            String salt = Base64Url.encode(new byte[16]);

            byte[] tampered = EnvelopeTampering.edit(envelope, doc -> ((ObjectNode) doc.get("kdf")).put("salt", salt));

            assertCode(() -> seal.open(PASSPHRASE, tampered), SealException.Code.WRONG_PASSPHRASE);
        }

        @Test
        void refuses_a_memory_cost_above_one_gib_before_deriving_anything() {
            byte[] tampered = EnvelopeTampering.edit(envelope,
                    doc -> ((ObjectNode) doc.get("kdf")).put("memoryKib", 4 * 1024 * 1024));

            assertCode(() -> seal.open(PASSPHRASE, tampered), SealException.Code.DAMAGED);
        }

        @Test
        void refuses_an_unknown_field() {
            byte[] tampered = EnvelopeTampering.edit(envelope, doc -> doc.put("note", "hello"));

            assertCode(() -> seal.open(PASSPHRASE, tampered), SealException.Code.DAMAGED);
        }

        @Test
        void reports_a_newer_version_as_unsupported() {
            byte[] newer = EnvelopeTampering.edit(envelope, doc -> doc.put("version", 2));

            assertCode(() -> seal.open(PASSPHRASE, newer), SealException.Code.UNSUPPORTED_FORMAT);
        }

        @Test
        void reports_another_cipher_as_unsupported() {
            byte[] other = EnvelopeTampering.edit(envelope, doc -> doc.put("cipher", "C20P"));

            assertCode(() -> seal.open(PASSPHRASE, other), SealException.Code.UNSUPPORTED_FORMAT);
        }
    }

    private static ObjectNode json(byte[] envelope) {
        return CanonicalJson.parseObject(new String(envelope, StandardCharsets.UTF_8));
    }

    private static void assertCode(ThrowingCallable call, SealException.Code code) {
        assertThatExceptionOfType(SealException.class).isThrownBy(call).extracting(SealException::code).isEqualTo(code);
    }
}
