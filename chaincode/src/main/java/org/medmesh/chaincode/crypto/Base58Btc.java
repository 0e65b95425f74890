package org.medmesh.chaincode.crypto;

import java.math.BigInteger;

/** Base58 with the Bitcoin alphabet, as multibase "z" and DID method-specific ids use it. */
public final class Base58Btc {

    public static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static final BigInteger BASE = BigInteger.valueOf(58);

    private Base58Btc() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        while (value.signum() > 0) {
            BigInteger[] quotientAndRemainder = value.divideAndRemainder(BASE);
            out.append(ALPHABET.charAt(quotientAndRemainder[1].intValue()));
            value = quotientAndRemainder[0];
        }
        // Each leading zero byte is written as '1' so that the encoding keeps the input's length information.
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            out.append(ALPHABET.charAt(0));
        }
        return out.reverse().toString();
    }
}
