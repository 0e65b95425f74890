package org.medmesh.node.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.SplittableRandom;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Point validation against Bouncy Castle as the oracle; the Edwards-to-Montgomery map at its edges. */
class Curve25519Test {
    private static final HexFormat HEX = HexFormat.of();

    @Nested
    class PointValidation {
        @Test
        void agrees_with_bouncy_castle_on_random_encodings() {
            SplittableRandom random = new SplittableRandom(25519);
            int valid = 0;
            for (int i = 0; i < 2_000; i++) {
                byte[] encoded = new byte[32];
                random.nextBytes(encoded);
                boolean ours = Curve25519.isEd25519Point(encoded);
                assertThat(ours).as(HEX.formatHex(encoded)).isEqualTo(bouncyCastleAccepts(encoded));
                valid += ours ? 1 : 0;
            }
            assertThat(valid).as("about half of all y have a point").isBetween(800, 1200);
        }

        @Test
        void accepts_the_rfc_8032_test_1_public_key() {
            byte[] key = HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

            assertThat(Curve25519.isEd25519Point(key)).isTrue();
        }

        @Test
        void refuses_a_non_canonical_y() {
            byte[] yEqualsP = HEX.parseHex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

            assertThat(Curve25519.isEd25519Point(yEqualsP)).isFalse();
        }

        @Test
        void refuses_x_zero_with_the_sign_bit_set() {
            byte[] negativeZeroX = new byte[32];
            negativeZeroX[0] = 1;
            negativeZeroX[31] = (byte) 0x80;

            assertThat(Curve25519.isEd25519Point(negativeZeroX)).isFalse();
        }
    }

    @Nested
    class MontgomeryMap {
        @Test
        void refuses_the_identity_point() {
            byte[] identity = new byte[32];
            identity[0] = 1;

            assertThatThrownBy(() -> Curve25519.x25519FromEd25519(identity)).hasMessageContaining("low-order");
        }

        @Test
        void refuses_the_point_of_order_two() {
            byte[] minusOne = HEX.parseHex("ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");

            assertThatThrownBy(() -> Curve25519.x25519FromEd25519(minusOne)).hasMessageContaining("low-order");
        }
    }

    private static boolean bouncyCastleAccepts(byte[] encoded) {
        try {
            new Ed25519PublicKeyParameters(encoded, 0);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
