package org.medmesh.chaincode.consent;

/** What a consent means at a given transaction time; computed on read, never stored. */
public enum EffectiveStatus {
    ACTIVE("active"),
    REVOKED("revoked"),
    /** The patient's DID was deactivated: all of its consents stop applying. */
    INACTIVE("inactive"),
    EXPIRED("expired"),
    NOT_YET_VALID("not-yet-valid");

    private final String code;

    EffectiveStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
