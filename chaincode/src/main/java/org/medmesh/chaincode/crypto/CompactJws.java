package org.medmesh.chaincode.crypto;

import static org.medmesh.chaincode.error.Refusals.malformed;
import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * A parsed compact JWS (RFC 7515) signed with EdDSA over Ed25519. Parsing checks the shape; {@link #verifiedBy}
 * checks the signature over the exact ASCII bytes {@code base64url(header).base64url(payload)}.
 *
 * @param signingInput the exact signed text, header and payload segments as received
 * @param signature base64url signature segment
 * @param kid the header's key id, {@code <did>#<fragment>}
 * @param payload the payload parsed as a strict JSON object
 */
public record CompactJws(String signingInput, String signature, KeyId kid, ObjectNode payload) {

    /** Bounds the size of anything a transaction argument makes us parse. */
    public static final int MAX_LENGTH = 64 * 1024;

    public CompactJws {
        require(signingInput != null && signature != null && kid != null && payload != null, "incomplete JWS");
    }

    public static CompactJws parse(String compact) {
        require(compact != null && compact.length() <= MAX_LENGTH, "JWS missing or too long");
        String[] parts = compact.split("\\.", -1);
        require(parts.length == 3, "JWS must have three segments");
        KeyId kid = checkHeader(decodeJson(parts[0]));
        require(Base64Url.decode(parts[2]).length == Ed25519PublicKey.SIGNATURE_LENGTH, "JWS signature must be 64 bytes");
        JsonNode payload = decodeJson(parts[1]);
        require(payload.isObject(), "JWS payload must be a JSON object");
        return new CompactJws(parts[0] + "." + parts[1], parts[2], kid, (ObjectNode) payload);
    }

    /** True when {@code key} signed exactly this JWS's header and payload. */
    public boolean verifiedBy(Ed25519PublicKey key) {
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        return key.verifies(input, Base64Url.decode(signature));
    }

    /** The compact serialization, as stored next to what it authorised. */
    public String compact() {
        return signingInput + "." + signature;
    }

    private static JsonNode decodeJson(String segment) {
        return CanonicalJson.parse(new String(Base64Url.decode(segment), StandardCharsets.UTF_8));
    }

    private static KeyId checkHeader(JsonNode header) {
        require(header.isObject(), "JWS header must be a JSON object");
        // crit names extensions the verifier must understand; we understand none, so RFC 7515 says reject.
        require(!header.has("crit"), "JWS crit header is not supported");
        JsonNode alg = header.get("alg");
        require(alg != null && alg.isTextual(), "JWS header needs alg");
        if (!"EdDSA".equals(alg.textValue()) && !"Ed25519".equals(alg.textValue())) {
            throw malformed("JWS alg must be EdDSA");
        }
        JsonNode kid = header.get("kid");
        require(kid != null && kid.isTextual(), "JWS header needs kid");
        return KeyId.parse(kid.textValue());
    }
}
