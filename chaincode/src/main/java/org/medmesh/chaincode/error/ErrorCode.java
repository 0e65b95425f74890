package org.medmesh.chaincode.error;

/**
 * Why a transaction was refused. The name travels as the {@code ChaincodeException} payload so clients
 * can map a refusal back to this enum without parsing messages.
 */
public enum ErrorCode {
    MALFORMED_INPUT,
    BAD_SIGNATURE,
    UNKNOWN_DID,
    WRONG_ORGANIZATION,
    NOT_OWNER,
    DUPLICATE,
    NOT_FOUND,
    REVOKED,
    DEACTIVATED,
    STALE_VERSION,
    CONSENT_NOT_APPLICABLE,
    EXPIRED
}
