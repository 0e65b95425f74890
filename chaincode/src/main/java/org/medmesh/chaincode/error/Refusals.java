package org.medmesh.chaincode.error;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * Builds the exception every refusal throws. The shim turns it into an error response and never commits the
 * transaction's writes, so a refusal changes nothing. Messages are fixed phrases: never PHI or key material.
 */
public final class Refusals {

    private Refusals() {
    }

    /**
     * The code travels twice: as the payload (what the shim returns in-process) and as the message prefix,
     * because a Fabric gateway passes clients the chaincode's message but not its error payload.
     */
    public static ChaincodeException refuse(ErrorCode code, String message) {
        return new ChaincodeException(code.name() + ": " + message, code.name());
    }

    public static ChaincodeException malformed(String message) {
        return refuse(ErrorCode.MALFORMED_INPUT, message);
    }

    /** Throws MALFORMED_INPUT unless the condition holds; keeps validating constructors flat. */
    public static void require(boolean condition, String message) {
        if (!condition) {
            throw malformed(message);
        }
    }
}
