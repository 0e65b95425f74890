package org.medmesh.node.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Base58Btc;

/** Base58btc: the chaincode's encoder as the oracle; leading zero bytes survive. */
class Base58Test {
    @Test
    void encodes_as_the_chaincode_does_and_decodes_back() {
        SplittableRandom random = new SplittableRandom(58);
        for (int i = 0; i < 500; i++) {
            byte[] bytes = new byte[random.nextInt(0, 40)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && random.nextBoolean()) {
                bytes[0] = 0;
            }
            String encoded = Base58.encode(bytes);
            assertThat(encoded).isEqualTo(Base58Btc.encode(bytes));
            assertThat(Base58.decode(encoded)).isEqualTo(bytes);
        }
    }

    @Test
    void keeps_leading_zero_bytes_as_ones() {
        assertThat(Base58.encode(new byte[] {0, 0, 1})).isEqualTo("112");
        assertThat(Base58.decode("112")).containsExactly(0, 0, 1);
    }
}
