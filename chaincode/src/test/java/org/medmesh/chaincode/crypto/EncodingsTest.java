package org.medmesh.chaincode.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EncodingsTest {

    @Nested
    class Base58 {

        @Test
        void encodes_the_bitcoin_alphabet_known_answer() {
            assertThat(Base58Btc.encode("Hello World!".getBytes(StandardCharsets.US_ASCII))).isEqualTo("2NEpo7TZRRrLZSi2U");
        }

        @Test
        void writes_each_leading_zero_byte_as_a_one() {
            assertThat(Base58Btc.encode(new byte[] {0, 0, 0x28, 0x7f, (byte) 0xb4, (byte) 0xcd})).isEqualTo("11233QC4");
        }
    }

    @Nested
    class Base64 {

        @Test
        void round_trips_without_padding() {
            assertThat(Base64Url.encode(new byte[] {(byte) 0xfb, (byte) 0xff})).isEqualTo("-_8");
            assertThat(Base64Url.decode("-_8")).containsExactly(0xfb, 0xff);
        }

        @Test
        void refuses_padding() {
            assertThatThrownBy(() -> Base64Url.decode("-_8=")).isInstanceOf(ChaincodeException.class);
        }

        @Test
        void refuses_non_canonical_trailing_bits() {
            assertThatThrownBy(() -> Base64Url.decode("-_9")).isInstanceOf(ChaincodeException.class);
        }
    }

    @Nested
    class Sha {

        @Test
        void hashes_abc_to_the_fips_180_known_answer() {
            assertThat(Sha256.hex("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }
    }
}
