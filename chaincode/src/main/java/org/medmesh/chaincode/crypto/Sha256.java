package org.medmesh.chaincode.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.util.encoders.Hex;

/** SHA-256 digests, as raw bytes or lowercase hex. */
public final class Sha256 {

    /** A lowercase hex SHA-256 digest, the only spelling the ledger accepts. */
    public static final String HEX_PATTERN = "[0-9a-f]{64}";

    private Sha256() {
    }

    public static byte[] digest(byte[] input) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(input, 0, input.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return out;
    }

    public static String hex(byte[] input) {
        return Hex.toHexString(digest(input));
    }

    public static String hex(String utf8) {
        return hex(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isHexDigest(String value) {
        return value != null && value.matches(HEX_PATTERN);
    }
}
