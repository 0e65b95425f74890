package org.medmesh.patient.seal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * The sealed file: canonical JSON (RFC 8785) holding a header, the ciphertext and a checksum. The header (every
 * field but {@code ciphertext} and {@code checksum}) is the AES-GCM additional data. The checksum is a plain
 * SHA-256 of everything else: it is no defence against a deliberate edit (GCM and the key check are), but it
 * turns accidental damage anywhere in the file — including the salt or the key check, which would otherwise
 * read as a wrong passphrase — into {@link SealException.Code#DAMAGED}.
 *
 * @param header what the key derivation and decryption need
 * @param ciphertext base64url AES-256-GCM ciphertext with its 16-byte tag
 */
record SealedEnvelope(Header header, String ciphertext) {

    static final String FORMAT = "medmesh.sealed";
    static final int VERSION = 1;
    static final String KDF = "argon2id";
    static final int ARGON2_VERSION = 0x13;
    static final String CIPHER = "A256GCM";
    static final int NONCE_LENGTH = 12;
    static final int CHECK_LENGTH = 32;
    static final int TAG_LENGTH = 16;

    private static final Set<String> FIELDS = Set.of("format", "version", "kdf", "cipher", "nonce", "check", "ciphertext");
    private static final Set<String> KDF_FIELDS = Set.of("alg", "v", "memoryKib", "iterations", "parallelism", "salt");

    SealedEnvelope {
        Objects.requireNonNull(header, "header");
        require(Base64Url.decode(ciphertext).length >= TAG_LENGTH, "ciphertext is shorter than its tag");
    }

    /**
     * The sealing parameters, all of which the additional data binds to the ciphertext.
     *
     * @param cost Argon2id cost
     * @param salt base64url Argon2id salt, 16 to 64 bytes
     * @param nonce base64url 96-bit GCM nonce
     * @param check base64url key-check value: tells a wrong passphrase from a damaged file
     */
    record Header(Argon2idParameters cost, String salt, String nonce, String check) {

        static final int MIN_SALT = 16;
        static final int MAX_SALT = 64;

        Header {
            Objects.requireNonNull(cost, "cost");
            int saltLength = Base64Url.decode(salt).length;
            require(saltLength >= MIN_SALT && saltLength <= MAX_SALT, "salt must be 16 to 64 bytes");
            require(Base64Url.decode(nonce).length == NONCE_LENGTH, "nonce must be 12 bytes");
            require(Base64Url.decode(check).length == CHECK_LENGTH, "key check must be 32 bytes");
        }

        ObjectNode toJson() {
            ObjectNode kdf = CanonicalJson.object();
            kdf.put("alg", KDF);
            kdf.put("v", ARGON2_VERSION);
            kdf.put("memoryKib", cost.memoryKib());
            kdf.put("iterations", cost.iterations());
            kdf.put("parallelism", cost.parallelism());
            kdf.put("salt", salt);
            ObjectNode header = CanonicalJson.object();
            header.put("format", FORMAT);
            header.put("version", VERSION);
            header.set("kdf", kdf);
            header.put("cipher", CIPHER);
            header.put("nonce", nonce);
            header.put("check", check);
            return header;
        }

        /** The GCM additional data: the header's canonical bytes. */
        byte[] additionalData() {
            return CanonicalJson.bytes(toJson());
        }
    }

    byte[] toBytes() {
        ObjectNode document = header.toJson();
        document.put("ciphertext", ciphertext);
        document.put("checksum", Sha256.hex(CanonicalJson.bytes(document)));
        return CanonicalJson.bytes(document);
    }

    /** Reads an envelope; refuses with DAMAGED or UNSUPPORTED_FORMAT before any key derivation is attempted. */
    static SealedEnvelope parse(byte[] bytes) {
        ObjectNode document = parseObject(bytes);
        try {
            requireIntact(document);
            requireSupported(document);
            return fromJson(document);
        } catch (ChaincodeException | IllegalArgumentException e) {
            throw damaged("envelope fields are malformed");
        }
    }

    private static ObjectNode parseObject(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
            return CanonicalJson.parseObject(text);
        } catch (CharacterCodingException | ChaincodeException e) {
            throw damaged("not a JSON envelope");
        }
    }

    private static void requireIntact(ObjectNode document) {
        JsonNode checksum = document.remove("checksum");
        if (checksum == null && !FORMAT.equals(document.path("format").textValue())) {
            throw new SealException(SealException.Code.UNSUPPORTED_FORMAT, "not a sealed envelope");
        }
        byte[] expected = Sha256.hex(CanonicalJson.bytes(document)).getBytes(StandardCharsets.US_ASCII);
        if (checksum == null || !checksum.isTextual()
                || !MessageDigest.isEqual(expected, checksum.textValue().getBytes(StandardCharsets.US_ASCII))) {
            throw damaged("checksum does not match");
        }
    }

    private static void requireSupported(ObjectNode document) {
        JsonNode version = document.path("version");
        JsonNode kdf = document.path("kdf");
        boolean supported = FORMAT.equals(document.path("format").textValue())
                && version.isIntegralNumber() && version.asLong() == VERSION
                && KDF.equals(kdf.path("alg").textValue())
                && kdf.path("v").isIntegralNumber() && kdf.path("v").asLong() == ARGON2_VERSION
                && CIPHER.equals(document.path("cipher").textValue());
        if (!supported) {
            throw new SealException(SealException.Code.UNSUPPORTED_FORMAT, "unsupported envelope version or algorithm");
        }
    }

    private static SealedEnvelope fromJson(ObjectNode document) {
        JsonFields fields = JsonFields.of(document, FIELDS);
        JsonFields kdf = JsonFields.of(fields.node("kdf"), KDF_FIELDS);
        Header header = new Header(cost(kdf), kdf.text("salt"), fields.text("nonce"), fields.text("check"));
        return new SealedEnvelope(header, fields.text("ciphertext"));
    }

    private static Argon2idParameters cost(JsonFields kdf) {
        long memory = kdf.integer("memoryKib", 1, Integer.MAX_VALUE);
        long iterations = kdf.integer("iterations", 1, Integer.MAX_VALUE);
        long parallelism = kdf.integer("parallelism", 1, Integer.MAX_VALUE);
        try {
            return new Argon2idParameters((int) memory, (int) iterations, (int) parallelism);
        } catch (IllegalArgumentException e) {
            // A cost we would never write: someone crafted it, possibly to make us allocate gigabytes.
            throw damaged("key derivation cost is out of bounds");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    private static SealException damaged(String message) {
        return new SealException(SealException.Code.DAMAGED, message);
    }
}
