package org.medmesh.node.adapter.out.jose;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/**
 * The exchange request as a compact JWS of type {@value #TYPE_NAME}, signed by the requester's node key. Its
 * request id, which every chunk of the answer carries, is the SHA-256 of the compact JWS: it binds the answer to
 * this request's signature, requester, nonce and reply key at once.
 */
public final class ExchangeRequestCodec {
    public static final String TYPE_NAME = "medmesh-exchange-request+jwt";
    /** How far the two nodes' clocks may disagree. */
    public static final Duration CLOCK_SKEW = ExchangeRequest.CLOCK_SKEW;

    static final JOSEObjectType TYPE = new JOSEObjectType(TYPE_NAME);
    private static final String PURPOSE = "purpose";
    private static final String CLASSES = "classes";
    private static final String REPLY_KEY = "reply_key";
    private static final String BREAK_GLASS = "break_glass";

    private ExchangeRequestCodec() {
    }

    /** The compact JWS of {@code request}, signed with the requester's own keys. */
    public static String sign(ExchangeRequest request, NodeKeys requesterKeys) {
        if (!request.requester().equals(requesterKeys.organization())) {
            throw new IllegalArgumentException("a node signs only its own requests");
        }
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(request.requester().value())
                .audience(request.audience().value())
                .subject(request.patient().value())
                .issueTime(Date.from(request.issuedAt()))
                .expirationTime(Date.from(request.expiresAt()))
                .jwtID(request.nonce())
                .claim(PURPOSE, request.purpose())
                .claim(CLASSES, request.classes())
                .claim(REPLY_KEY, Map.of("kty", "OKP", "crv", "X25519", "x", request.replyKey()));
        EmergencyAccess emergency = request.emergency();
        if (emergency != null) {
            claims.claim(BREAK_GLASS, Map.of("code", emergency.reasonCode(), "reason", emergency.reason(),
                    "declared_at", emergency.declaredAt().getEpochSecond()));
        }
        return Signatures.sign(claims.build(), TYPE, requesterKeys).serialize();
    }

    /** The requester a request claims to come from, unverified: to look its signing key up on the ledger. */
    public static Did claimedRequester(String jws) {
        try {
            return Did.parse(Signatures.parse(jws).getJWTClaimsSet().getIssuer());
        } catch (ParseException | RuntimeException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "no requester DID in the request");
        }
    }

    /** The request id of a request's compact JWS: the unpadded base64url of its SHA-256. */
    public static String requestId(String jws) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jws.getBytes(StandardCharsets.US_ASCII));
            return Base64URL.encode(digest).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /**
     * The request in {@code jws} if it is signed with {@code requesterSigningKey} (base64url raw Ed25519 key),
     * addressed to {@code expectedAudience} and valid now at most {@code maxLifetime} long.
     *
     * @throws ExchangeRefusedException with the reason otherwise
     */
    public static ExchangeRequest verify(String jws, String requesterSigningKey, Did expectedAudience, Clock clock,
            Duration maxLifetime) {
        JWTClaimsSet claims = Signatures.verify(Signatures.parse(jws), TYPE, requesterSigningKey);
        ExchangeRequest request = toRequest(claims);
        if (!request.audience().equals(expectedAudience)) {
            throw new ExchangeRefusedException(ExchangeRefusal.WRONG_AUDIENCE, "the request is for another node");
        }
        checkValidity(request, clock.instant(), maxLifetime);
        return request;
    }

    private static void checkValidity(ExchangeRequest request, Instant now, Duration maxLifetime) {
        if (request.issuedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw new ExchangeRefusedException(ExchangeRefusal.NOT_YET_VALID, "issued in the future");
        }
        if (!now.minus(CLOCK_SKEW).isBefore(request.expiresAt())) {
            throw new ExchangeRefusedException(ExchangeRefusal.EXPIRED, "the request has expired");
        }
        if (Duration.between(request.issuedAt(), request.expiresAt()).compareTo(maxLifetime) > 0) {
            throw new ExchangeRefusedException(ExchangeRefusal.LIFETIME_TOO_LONG, "valid for longer than allowed");
        }
    }

    private static ExchangeRequest toRequest(JWTClaimsSet claims) {
        try {
            List<String> audience = claims.getAudience();
            if (audience.size() != 1) {
                throw new IllegalArgumentException("one audience");
            }
            return new ExchangeRequest(Did.parse(claims.getIssuer()), Did.parse(audience.get(0)),
                    Did.parse(claims.getSubject()), claims.getStringClaim(PURPOSE), claims.getStringListClaim(CLASSES),
                    claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant(), claims.getJWTID(),
                    replyKey(claims.getJSONObjectClaim(REPLY_KEY)), emergency(claims.getJSONObjectClaim(BREAK_GLASS)));
        } catch (ParseException | RuntimeException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "a claim is missing or ill-formed");
        }
    }

    private static EmergencyAccess emergency(Map<String, Object> claim) {
        if (claim == null) {
            return null;
        }
        if (!(claim.get("code") instanceof String code) || !(claim.get("reason") instanceof String reason)
                || !(claim.get("declared_at") instanceof Number declaredAt)) {
            throw new IllegalArgumentException("a break-glass claim has code, reason and declared_at");
        }
        return new EmergencyAccess(code, reason, Instant.ofEpochSecond(declaredAt.longValue()));
    }

    private static String replyKey(Map<String, Object> jwk) {
        if (!"OKP".equals(jwk.get("kty")) || !"X25519".equals(jwk.get("crv")) || jwk.containsKey("d")) {
            throw new IllegalArgumentException("the reply key is a public X25519 OKP JWK");
        }
        String x = (String) jwk.get("x");
        requireUsableX25519(x);
        return x;
    }

    /**
     * A reply key the holder can actually encrypt to: a low-order point (all zeros, and the like) gives no shared
     * secret, and would only fail after the access is on the ledger. A trial key agreement refuses it up front.
     */
    private static void requireUsableX25519(String x) {
        try {
            byte[] point = java.util.Base64.getUrlDecoder().decode(x);
            com.google.crypto.tink.subtle.X25519.computeSharedSecret(
                    com.google.crypto.tink.subtle.X25519.generatePrivateKey(), point);
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("the reply key is not a usable X25519 public key");
        }
    }
}
