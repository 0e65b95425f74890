package org.medmesh.chaincode.consent;

import java.util.Locale;

/** Whether a provision permits or denies what it matches. */
public enum ProvisionType {
    PERMIT,
    DENY;

    /** Parses the FHIR code ({@code permit} or {@code deny}, lowercase only). */
    public static ProvisionType parse(String code) {
        return Codes.parseLowercase(ProvisionType.class, code, "type");
    }

    /** The FHIR code, lowercase. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
