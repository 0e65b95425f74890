package org.medmesh.patient.wallet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientSignatures;
import org.medmesh.chaincode.json.JsonFields;

/**
 * Verifies a patient's answer to a node's challenge (DID auth), as {@link PatientIdentity#signedChallengeResponse}
 * signs it: a compact JWS (EdDSA, kid {@code <did>#sign}) over
 * {@code {"type":"medmesh.didauth","did","aud","challenge","iat"}}.
 *
 * <p>A node (1) issues a fresh random challenge, (2) reads {@link #claimedDid} from the response, (3) resolves that
 * DID on the ledger for its current signing key, (4) calls {@link #verify}. Challenges must be single use: this
 * class cannot know whether one was answered before.
 */
public final class DidAuthResponse {

    public static final String TYPE = "medmesh.didauth";
    /** How far in the future a response's {@code iat} may lie, for clocks that disagree. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final int MAX_CHALLENGE_LENGTH = 1024;

    private static final Set<String> FIELDS = Set.of("type", "did", "aud", "challenge", "iat");

    private DidAuthResponse() {
    }

    /** The DID a response claims to come from, unverified: which DID to resolve before {@link #verify}. */
    public static String claimedDid(String jws) {
        return claims(parse(jws)).did();
    }

    /**
     * Checks signature, audience, challenge and age, in that order.
     *
     * @param signingKeyBase64Url the responding DID's current {@code #sign} key, as the ledger holds it
     * @param maxAge how old a response may be (positive)
     * @return the patient DID that proved control
     * @throws DidAuthException with the first reason the response fails
     */
    public static String verify(String jws, String expectedAudience, String expectedChallenge,
            String signingKeyBase64Url, Instant now, Duration maxAge) {
        Objects.requireNonNull(expectedAudience, "expectedAudience");
        Objects.requireNonNull(expectedChallenge, "expectedChallenge");
        Objects.requireNonNull(now, "now");
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive");
        }
        Ed25519PublicKey key = signingKey(signingKeyBase64Url);
        CompactJws parsed = parse(jws);
        if (!parsed.verifiedBy(key)) {
            throw refuse(DidAuthException.Reason.BAD_SIGNATURE, "the signature does not verify with the signing key");
        }
        Claims claims = claims(parsed);
        if (!claims.did().equals(parsed.kid().did())
                || !PatientSignatures.SIGNING_FRAGMENT.equals(parsed.kid().fragment())) {
            throw refuse(DidAuthException.Reason.BAD_SIGNATURE, "kid is not the responding DID's signing key");
        }
        if (!claims.audience().equals(expectedAudience)) {
            throw refuse(DidAuthException.Reason.WRONG_AUDIENCE, "the response is addressed to another organisation");
        }
        if (!MessageDigest.isEqual(utf8(claims.challenge()), utf8(expectedChallenge))) {
            throw refuse(DidAuthException.Reason.WRONG_CHALLENGE, "the response answers another challenge");
        }
        if (claims.issuedAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw refuse(DidAuthException.Reason.FROM_THE_FUTURE, "the response is issued in the future");
        }
        if (claims.issuedAt().isBefore(now.minus(maxAge))) {
            throw refuse(DidAuthException.Reason.TOO_OLD, "the response is too old");
        }
        return claims.did();
    }

    private static CompactJws parse(String jws) {
        try {
            return CompactJws.parse(jws);
        } catch (ChaincodeException e) {
            throw refuse(DidAuthException.Reason.MALFORMED, "not a compact EdDSA JWS");
        }
    }

    private static Claims claims(CompactJws jws) {
        try {
            JsonFields fields = JsonFields.of(jws.payload(), FIELDS);
            if (!TYPE.equals(fields.text("type"))) {
                throw refuse(DidAuthException.Reason.MALFORMED, "not a DID-auth response");
            }
            String challenge = fields.text("challenge");
            if (challenge.length() > MAX_CHALLENGE_LENGTH) {
                throw refuse(DidAuthException.Reason.MALFORMED, "the challenge is too long");
            }
            return new Claims(Did.parsePatient(fields.text("did")).value(), fields.text("aud"), challenge,
                    fields.instant("iat"));
        } catch (ChaincodeException e) {
            throw refuse(DidAuthException.Reason.MALFORMED, "the DID-auth payload is malformed");
        }
    }

    private static Ed25519PublicKey signingKey(String encoded) {
        try {
            return Ed25519PublicKey.parse(Objects.requireNonNull(encoded, "signingKeyBase64Url"));
        } catch (ChaincodeException e) {
            throw new IllegalArgumentException("the signing key is not an Ed25519 public key");
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static DidAuthException refuse(DidAuthException.Reason reason, String message) {
        return new DidAuthException(reason, message);
    }

    private record Claims(String did, String audience, String challenge, Instant issuedAt) {}
}
