package org.medmesh.node.application.port;

/** Why the ledger refused or failed; the first group mirrors the chaincode's error codes one to one. */
public enum LedgerErrorCode {
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
    EXPIRED,
    /** A concurrent transaction changed what this one read (MVCC): retrying can succeed. */
    CONFLICT,
    /** The ledger did not answer or could not store: fail closed. */
    UNAVAILABLE,
    /** The ledger does not accept this node's identity. */
    IDENTITY_REJECTED,
    /** A refusal the client does not know (a newer chaincode?). */
    UNKNOWN;

    public boolean isRetryable() {
        return this == CONFLICT || this == UNAVAILABLE;
    }

    /** Maps the code a chaincode refusal carried back to this enum. */
    public static LedgerErrorCode fromChaincode(String code) {
        for (LedgerErrorCode value : values()) {
            if (value.ordinal() <= EXPIRED.ordinal() && value.name().equals(code)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
