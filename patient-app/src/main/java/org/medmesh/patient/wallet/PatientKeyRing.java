package org.medmesh.patient.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.identity.PatientKeys;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.json.JsonFields;

/**
 * One generation of a patient's private keys: Ed25519 signing, X25519 key agreement, Ed25519 recovery. The
 * private keys never leave this object; {@link #toString()} shows none of them.
 */
public final class PatientKeyRing {
    private static final int KEY_LENGTH = 32;
    private static final Set<String> PRIVATE_FIELDS = Set.of("signing", "agreement", "recovery");

    private final Ed25519PrivateKeyParameters signing;
    private final X25519PrivateKeyParameters agreement;
    private final Ed25519PrivateKeyParameters recovery;

    private PatientKeyRing(Ed25519PrivateKeyParameters signing, X25519PrivateKeyParameters agreement,
            Ed25519PrivateKeyParameters recovery) {
        this.signing = signing;
        this.agreement = agreement;
        this.recovery = recovery;
    }

    public static PatientKeyRing generate(SecureRandom random) {
        return new PatientKeyRing(new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random),
                new Ed25519PrivateKeyParameters(random));
    }

    /**
     * Fresh signing and agreement keys with the same recovery key: what a routine rotation signed by the current
     * signing key may install. Only the recovery key may replace the recovery key.
     */
    public PatientKeyRing rotatedKeepingRecovery(SecureRandom random) {
        return new PatientKeyRing(new Ed25519PrivateKeyParameters(random), new X25519PrivateKeyParameters(random),
                recovery);
    }

    /** The public half, as the ledger's DID document holds it. */
    public PatientKeys publicKeys() {
        return new PatientKeys(
                Ed25519PublicKey.parse(Base64Url.encode(signing.generatePublicKey().getEncoded())),
                X25519PublicKey.parse(Base64Url.encode(agreement.generatePublicKey().getEncoded())),
                Ed25519PublicKey.parse(Base64Url.encode(recovery.generatePublicKey().getEncoded())));
    }

    /**
     * The raw private keys as base64url, for the wallet's sealed plaintext and nowhere else. Keys are read from
     * here and {@link #fromPrivateJson} only, so raw key bytes stay inside this class.
     */
    ObjectNode privateJson() {
        ObjectNode json = CanonicalJson.object();
        json.put("signing", encodeAndClear(signing.getEncoded()));
        json.put("agreement", encodeAndClear(agreement.getEncoded()));
        json.put("recovery", encodeAndClear(recovery.getEncoded()));
        return json;
    }

    /** The key ring {@link #privateJson} wrote; malformed input throws (the wallet reports it as damaged). */
    static PatientKeyRing fromPrivateJson(JsonNode json) {
        JsonFields fields = JsonFields.of(json, PRIVATE_FIELDS);
        byte[] signing = rawKey(fields.text("signing"));
        byte[] agreement = rawKey(fields.text("agreement"));
        byte[] recovery = rawKey(fields.text("recovery"));
        try {
            return new PatientKeyRing(new Ed25519PrivateKeyParameters(signing, 0),
                    new X25519PrivateKeyParameters(agreement, 0), new Ed25519PrivateKeyParameters(recovery, 0));
        } finally {
            Arrays.fill(signing, (byte) 0);
            Arrays.fill(agreement, (byte) 0);
            Arrays.fill(recovery, (byte) 0);
        }
    }

    private static byte[] rawKey(String encoded) {
        byte[] raw = Base64Url.decode(encoded);
        if (raw.length != KEY_LENGTH) {
            Arrays.fill(raw, (byte) 0);
            throw new IllegalArgumentException("a private key must be 32 bytes");
        }
        return raw;
    }

    private static String encodeAndClear(byte[] raw) {
        try {
            return Base64Url.encode(raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    Ed25519PrivateKeyParameters signingKey() {
        return signing;
    }

    Ed25519PrivateKeyParameters recoveryKey() {
        return recovery;
    }

    @Override
    public String toString() {
        return "PatientKeyRing[private keys hidden]";
    }
}
