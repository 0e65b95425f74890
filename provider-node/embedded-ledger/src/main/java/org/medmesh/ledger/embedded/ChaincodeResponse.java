package org.medmesh.ledger.embedded;

import java.util.Objects;

/**
 * What the chaincode returned: status 200 with a UTF-8 payload, or an error status with its message and the
 * payload a {@code ChaincodeException} carried (MedMesh's chaincode puts its error code there).
 */
public record ChaincodeResponse(int status, String message, String payload) {
    public static final int OK = 200;

    public ChaincodeResponse {
        message = Objects.requireNonNullElse(message, "");
        payload = Objects.requireNonNullElse(payload, "");
    }

    public boolean isSuccess() {
        return status >= OK && status < 400;
    }
}
