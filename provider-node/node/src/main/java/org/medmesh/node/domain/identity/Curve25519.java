package org.medmesh.node.domain.identity;

import java.math.BigInteger;

/**
 * The two facts about Curve25519 that {@code did:key} needs without a crypto library: whether 32 bytes are the
 * encoding of an Ed25519 point (RFC 8032 section 5.1.3), and the X25519 public key of the same point (the
 * birational map u = (1 + y) / (1 - y) of RFC 7748 section 4.1), which the did:key method uses to derive a
 * key-agreement key from an Ed25519 key.
 */
final class Curve25519 {
    static final int KEY_LENGTH = 32;
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
    private static final BigInteger D = BigInteger.valueOf(-121665)
            .multiply(BigInteger.valueOf(121666).modInverse(P)).mod(P);
    private static final BigInteger LEGENDRE_EXPONENT = P.subtract(BigInteger.ONE).shiftRight(1);

    private Curve25519() {}

    /** True if {@code encoded} decodes to a point of edwards25519: canonical y, and x recoverable with its sign. */
    static boolean isEd25519Point(byte[] encoded) {
        if (encoded.length != KEY_LENGTH) {
            return false;
        }
        BigInteger y = edwardsY(encoded);
        if (y.compareTo(P) >= 0) {
            return false;
        }
        BigInteger ySquared = y.multiply(y).mod(P);
        BigInteger u = ySquared.subtract(BigInteger.ONE).mod(P);
        BigInteger v = D.multiply(ySquared).add(BigInteger.ONE).mod(P);
        BigInteger xSquared = u.multiply(v.modInverse(P)).mod(P);
        if (xSquared.signum() == 0) {
            return (encoded[KEY_LENGTH - 1] & 0x80) == 0;
        }
        return xSquared.modPow(LEGENDRE_EXPONENT, P).equals(BigInteger.ONE);
    }

    /**
     * The X25519 public key of an Ed25519 public key. Refuses the two points whose image is unusable: the identity
     * (y = 1, no image) and the point of order two (y = -1, image u = 0).
     */
    static byte[] x25519FromEd25519(byte[] encoded) {
        if (!isEd25519Point(encoded)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        BigInteger y = edwardsY(encoded);
        BigInteger denominator = BigInteger.ONE.subtract(y).mod(P);
        BigInteger numerator = BigInteger.ONE.add(y).mod(P);
        if (denominator.signum() == 0 || numerator.signum() == 0) {
            throw new IllegalArgumentException("the Ed25519 key is a low-order point");
        }
        return littleEndian(numerator.multiply(denominator.modInverse(P)).mod(P));
    }

    private static BigInteger edwardsY(byte[] encoded) {
        byte[] bigEndian = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH; i++) {
            bigEndian[i] = encoded[KEY_LENGTH - 1 - i];
        }
        bigEndian[0] &= 0x7f;
        return new BigInteger(1, bigEndian);
    }

    private static byte[] littleEndian(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        byte[] out = new byte[KEY_LENGTH];
        for (int i = 0; i < KEY_LENGTH && i < bigEndian.length; i++) {
            out[i] = bigEndian[bigEndian.length - 1 - i];
        }
        return out;
    }
}
