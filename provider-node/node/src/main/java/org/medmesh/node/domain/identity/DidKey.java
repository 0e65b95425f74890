package org.medmesh.node.domain.identity;

import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code did:key} DID (W3C CCG did:key method): the public key is the identifier, multibase base58btc of a
 * multicodec-prefixed raw key. MedMesh accepts Ed25519 ({@code did:key:z6Mk…}, multicodec 0xed) and X25519
 * ({@code did:key:z6LS…}, 0xec). Such a DID cannot be rotated or deactivated: it resolves by decoding.
 *
 * @param value the DID
 * @param type the key's curve
 * @param publicKey unpadded base64url of the raw 32-byte key
 */
public record DidKey(String value, KeyType type, String publicKey) {
    public static final String PREFIX = "did:key:";
    private static final int MAX_LENGTH = 128;

    /** The key types MedMesh accepts, with their multicodec code as an unsigned varint. */
    public enum KeyType {
        ED25519(0xed, "Ed25519"),
        X25519(0xec, "X25519");

        private final int multicodec;
        private final String curve;

        KeyType(int multicodec, String curve) {
            this.multicodec = multicodec;
            this.curve = curve;
        }

        /** The JOSE curve name ({@code crv} of an OKP JWK). */
        public String curve() {
            return curve;
        }

        private byte[] prefix() {
            return new byte[] {(byte) (multicodec | 0x80), (byte) (multicodec >>> 7)};
        }
    }

    public DidKey {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(publicKey, "publicKey");
        if (!value.equals(encode(type, decodeBase64Url(publicKey)))) {
            throw new IllegalArgumentException("the did:key does not spell its key");
        }
    }

    /**
     * Decodes a did:key; refuses, with a reason, anything that is not exactly one Ed25519 or X25519 key. DID URLs
     * (path, query, fragment) are not DIDs and are refused too.
     */
    public static DidKey parse(String did) {
        Objects.requireNonNull(did, "did");
        if (!did.startsWith(PREFIX) || did.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("not a did:key identifier");
        }
        String multibase = did.substring(PREFIX.length());
        if (multibase.isEmpty() || multibase.charAt(0) != 'z') {
            throw new IllegalArgumentException("a did:key must be multibase base58btc (starting with 'z')");
        }
        byte[] bytes = Base58.decode(multibase.substring(1));
        KeyType type = typeOf(bytes);
        if (bytes.length != 2 + Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("a did:key " + type.curve() + " key must be 32 bytes");
        }
        byte[] key = java.util.Arrays.copyOfRange(bytes, 2, bytes.length);
        if (type == KeyType.ED25519 && !Curve25519.isEd25519Point(key)) {
            throw new IllegalArgumentException("the did:key Ed25519 key is not a valid curve point");
        }
        if (!encode(type, key).equals(did)) {
            // Base58 is unique per byte string, so this only fails for non-canonical leading '1's.
            throw new IllegalArgumentException("the did:key is not canonically encoded");
        }
        return new DidKey(did, type, encodeBase64Url(key));
    }

    /** The did:key of a raw 32-byte public key. */
    public static DidKey of(KeyType type, byte[] publicKey) {
        if (publicKey.length != Curve25519.KEY_LENGTH) {
            throw new IllegalArgumentException("a " + type.curve() + " key must be 32 bytes");
        }
        return new DidKey(encode(type, publicKey), type, encodeBase64Url(publicKey));
    }

    /** The multibase key, which the did:key method also uses as the fragment of its verification method. */
    public String fingerprint() {
        return value.substring(PREFIX.length());
    }

    /**
     * The key-agreement key: an X25519 key is its own; an Ed25519 key's is derived from it (the did:key method's
     * encryption key derivation). Empty for an Ed25519 low-order point, which has no usable X25519 image.
     */
    public Optional<DidKey> agreementKey() {
        if (type == KeyType.X25519) {
            return Optional.of(this);
        }
        try {
            return Optional.of(of(KeyType.X25519, Curve25519.x25519FromEd25519(decodeBase64Url(publicKey))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value;
    }

    private static KeyType typeOf(byte[] bytes) {
        for (KeyType type : KeyType.values()) {
            byte[] prefix = type.prefix();
            if (bytes.length >= 2 && bytes[0] == prefix[0] && bytes[1] == prefix[1]) {
                return type;
            }
        }
        throw new IllegalArgumentException("unsupported did:key key type: only Ed25519 (z6Mk…) and X25519 (z6LS…)");
    }

    private static String encode(KeyType type, byte[] key) {
        byte[] bytes = new byte[2 + key.length];
        System.arraycopy(type.prefix(), 0, bytes, 0, 2);
        System.arraycopy(key, 0, bytes, 2, key.length);
        return PREFIX + "z" + Base58.encode(bytes);
    }

    private static String encodeBase64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] decodeBase64Url(String text) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey is not base64url");
        }
    }
}
