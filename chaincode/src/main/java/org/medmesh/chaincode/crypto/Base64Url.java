package org.medmesh.chaincode.crypto;

import static org.medmesh.chaincode.error.Refusals.malformed;

import java.util.Base64;

/** Base64url without padding (RFC 7515 section 2). */
public final class Base64Url {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {
    }

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /**
     * Decodes canonical unpadded base64url only: re-encoding must give the input back, so one value has one
     * spelling and a signed key or signature cannot be altered by re-encoding it.
     */
    public static byte[] decode(String text) {
        if (text == null || !text.matches("[A-Za-z0-9_-]*")) {
            throw malformed("value is not unpadded base64url");
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed("value is not unpadded base64url");
        }
        if (!ENCODER.encodeToString(bytes).equals(text)) {
            throw malformed("value is not canonical base64url");
        }
        return bytes;
    }
}
