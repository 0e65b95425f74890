package org.medmesh.patient.seal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.medmesh.chaincode.crypto.Base64Url;

/**
 * Encrypts bytes under a passphrase: Argon2id derives 64 bytes from the passphrase and a fresh salt; the first 32
 * are the AES-256-GCM key, the last 32 key an HMAC-SHA256 of a fixed label, stored as the key check. A wrong
 * passphrase fails the check ({@code WRONG_PASSPHRASE}); a right passphrase with a failing GCM tag means the file
 * was altered ({@code DAMAGED}). Thread-safe and stateless apart from its cost; the cost applies to sealing only,
 * since an envelope names its own (within {@link Argon2idParameters}' bounds).
 *
 * <p>Callers own the passphrase arrays and should clear them; this class clears its own copies and derived keys.
 */
public final class PassphraseSeal {

    private static final int SALT_LENGTH = 16;
    private static final int KEY_LENGTH = 32;
    private static final byte[] CHECK_LABEL = "medmesh.sealed v1 key check".getBytes(StandardCharsets.US_ASCII);

    private final Argon2idParameters cost;

    /** Seals with {@link Argon2idParameters#DEFAULT}. */
    public PassphraseSeal() {
        this(Argon2idParameters.DEFAULT);
    }

    public PassphraseSeal(Argon2idParameters cost) {
        this.cost = Objects.requireNonNull(cost, "cost");
    }

    public Argon2idParameters cost() {
        return cost;
    }

    /** A new envelope of {@code plaintext}, with a fresh salt and nonce from {@code random}. */
    public byte[] seal(char[] passphrase, byte[] plaintext, SecureRandom random) {
        Objects.requireNonNull(plaintext, "plaintext");
        if (passphrase == null || passphrase.length == 0) {
            throw new IllegalArgumentException("passphrase must not be empty");
        }
        byte[] salt = randomBytes(random, SALT_LENGTH);
        byte[] nonce = randomBytes(random, SealedEnvelope.NONCE_LENGTH);
        byte[] keys = deriveKeys(passphrase, cost, salt);
        try {
            SealedEnvelope.Header header = new SealedEnvelope.Header(
                    cost, Base64Url.encode(salt), Base64Url.encode(nonce), Base64Url.encode(keyCheck(keys)));
            byte[] ciphertext = encrypt(keys, nonce, header.additionalData(), plaintext);
            return new SealedEnvelope(header, Base64Url.encode(ciphertext)).toBytes();
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    /**
     * The plaintext of an envelope.
     *
     * @throws SealException WRONG_PASSPHRASE, DAMAGED or UNSUPPORTED_FORMAT
     */
    public byte[] open(char[] passphrase, byte[] envelope) {
        Objects.requireNonNull(passphrase, "passphrase");
        SealedEnvelope sealed = SealedEnvelope.parse(Objects.requireNonNull(envelope, "envelope"));
        SealedEnvelope.Header header = sealed.header();
        byte[] keys = deriveKeys(passphrase, header.cost(), Base64Url.decode(header.salt()));
        try {
            if (!MessageDigest.isEqual(keyCheck(keys), Base64Url.decode(header.check()))) {
                throw new SealException(SealException.Code.WRONG_PASSPHRASE, "the passphrase does not open this file");
            }
            return decrypt(keys, Base64Url.decode(header.nonce()), header.additionalData(),
                    Base64Url.decode(sealed.ciphertext()));
        } finally {
            Arrays.fill(keys, (byte) 0);
        }
    }

    private static byte[] deriveKeys(char[] passphrase, Argon2idParameters cost, byte[] salt) {
        byte[] password = utf8(passphrase);
        try {
            return Argon2id.derive(cost, salt, password, 2 * KEY_LENGTH);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    /** UTF-8 without an intermediate String, so that the copy can be cleared. */
    private static byte[] utf8(char[] passphrase) {
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer;
        try {
            buffer = encoder.encode(CharBuffer.wrap(passphrase));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("passphrase is not valid Unicode text");
        }
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }

    private static byte[] keyCheck(byte[] keys) {
        HMac hmac = new HMac(new SHA256Digest());
        KeyParameter checkKey = new KeyParameter(keys, KEY_LENGTH, KEY_LENGTH);
        hmac.init(checkKey);
        hmac.update(CHECK_LABEL, 0, CHECK_LABEL.length);
        byte[] check = new byte[hmac.getMacSize()];
        hmac.doFinal(check, 0);
        Arrays.fill(checkKey.getKey(), (byte) 0);
        return check;
    }

    private static byte[] encrypt(byte[] keys, byte[] nonce, byte[] additionalData, byte[] plaintext) {
        try {
            return gcm(true, keys, nonce, additionalData, plaintext);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private static byte[] decrypt(byte[] keys, byte[] nonce, byte[] additionalData, byte[] ciphertext) {
        try {
            return gcm(false, keys, nonce, additionalData, ciphertext);
        } catch (InvalidCipherTextException e) {
            throw new SealException(SealException.Code.DAMAGED, "the file was altered or damaged");
        }
    }

    private static byte[] gcm(boolean encrypt, byte[] keys, byte[] nonce, byte[] additionalData, byte[] input)
            throws InvalidCipherTextException {
        KeyParameter key = new KeyParameter(keys, 0, KEY_LENGTH);
        GCMModeCipher cipher = GCMBlockCipher.newInstance(AESEngine.newInstance());
        byte[] out = null;
        try {
            cipher.init(encrypt, new AEADParameters(key, 8 * SealedEnvelope.TAG_LENGTH, nonce, additionalData));
            out = new byte[cipher.getOutputSize(input.length)];
            int length = cipher.processBytes(input, 0, input.length, out, 0);
            length += cipher.doFinal(out, length);
            return length == out.length ? out : Arrays.copyOf(out, length);
        } catch (InvalidCipherTextException e) {
            // Decryption writes plaintext before it checks the tag: do not leave unauthenticated bytes around.
            Arrays.fill(out, (byte) 0);
            throw e;
        } finally {
            Arrays.fill(key.getKey(), (byte) 0);
        }
    }

    private static byte[] randomBytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        Objects.requireNonNull(random, "random").nextBytes(bytes);
        return bytes;
    }
}
