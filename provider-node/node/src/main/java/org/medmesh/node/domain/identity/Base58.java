package org.medmesh.node.domain.identity;

import java.math.BigInteger;

/**
 * Base58 with the Bitcoin alphabet (multibase prefix {@code z}). The chaincode has an encoder of its own; the
 * domain cannot depend on the chaincode module, and {@code did:key} needs decoding as well.
 */
final class Base58 {
    static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58() {}

    static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
            value = quotientAndRemainder[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append(ALPHABET.charAt(0));
        }
        return out.reverse().toString();
    }

    /** The bytes {@code text} spells; each leading '1' is a leading zero byte. */
    static byte[] decode(String text) {
        BigInteger value = BigInteger.ZERO;
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == ALPHABET.charAt(0)) {
            zeros++;
        }
        for (int i = 0; i < text.length(); i++) {
            int digit = ALPHABET.indexOf(text.charAt(i));
            if (digit < 0) {
                throw new IllegalArgumentException("not base58btc: '" + text.charAt(i) + "' is outside the alphabet");
            }
            value = value.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        byte[] magnitude = value.signum() == 0 ? new byte[0] : value.toByteArray();
        int skip = magnitude.length > 0 && magnitude[0] == 0 ? 1 : 0;
        byte[] bytes = new byte[zeros + magnitude.length - skip];
        System.arraycopy(magnitude, skip, bytes, zeros, magnitude.length - skip);
        return bytes;
    }
}
