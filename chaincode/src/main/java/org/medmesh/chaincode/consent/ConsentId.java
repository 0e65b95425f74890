package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.JsonNode;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * A consent's id: {@code c-} + SHA-256 hex of the canonical (RFC 8785) grant payload. Hashing the canonical
 * form rather than the received bytes means re-encoding a grant cannot mint a fresh id, so a revoked grant can
 * never be granted again.
 *
 * @param value {@code c-} followed by 64 lowercase hex digits
 */
public record ConsentId(String value) {

    public ConsentId {
        require(value != null && value.matches("c-" + Sha256.HEX_PATTERN), "not a consent id");
    }

    public static ConsentId parse(String value) {
        return new ConsentId(value);
    }

    public static ConsentId of(JsonNode grantPayload) {
        return new ConsentId("c-" + Sha256.hex(CanonicalJson.bytes(grantPayload)));
    }

    @Override
    public String toString() {
        return value;
    }
}
