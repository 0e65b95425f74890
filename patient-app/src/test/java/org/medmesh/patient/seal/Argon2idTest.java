package org.medmesh.patient.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Argon2idTest {

    @Nested
    class Derivation {

        /** RFC 9106 section 5.3: Argon2id, m=32 KiB, t=3, p=4, with secret and associated data. */
        @Test
        void matches_the_rfc_9106_argon2id_test_vector() {
            Argon2Parameters parameters = Argon2id.builder(new Argon2idParameters(32, 3, 4), filled(16, 0x02))
                    .withSecret(filled(8, 0x03))
                    .withAdditional(filled(12, 0x04))
                    .build();

            byte[] tag = Argon2id.derive(parameters, filled(32, 0x01), 32);

            assertThat(Hex.toHexString(tag))
                    .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
        }

        @Test
        void depends_on_every_cost_parameter() {
            byte[] salt = filled(16, 0x02);
            byte[] password = filled(8, 0x01);

            byte[] base = Argon2id.derive(new Argon2idParameters(64, 1, 1), salt, password, 32);

            assertThat(Argon2id.derive(new Argon2idParameters(72, 1, 1), salt, password, 32)).isNotEqualTo(base);
            assertThat(Argon2id.derive(new Argon2idParameters(64, 2, 1), salt, password, 32)).isNotEqualTo(base);
            assertThat(Argon2id.derive(new Argon2idParameters(64, 1, 2), salt, password, 32)).isNotEqualTo(base);
        }
    }

    @Nested
    class Parameters {

        @Test
        void default_cost_is_64_mib_three_passes_one_lane() {
            assertThat(Argon2idParameters.DEFAULT).isEqualTo(new Argon2idParameters(65536, 3, 1));
        }

        @ParameterizedTest(name = "m={0} KiB, t={1}, p={2}")
        @CsvSource({
            "1048577, 1, 1", // more than 1 GiB
            "31, 1, 4", // less than 8 KiB per lane
            "1024, 0, 1",
            "1024, 17, 1",
            "1024, 1, 0",
            "1024, 1, 17"
        })
        void refuse_a_cost_outside_the_bounds(int memoryKib, int iterations, int parallelism) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new Argon2idParameters(memoryKib, iterations, parallelism));
        }
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
