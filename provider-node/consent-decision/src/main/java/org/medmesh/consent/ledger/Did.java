package org.medmesh.consent.ledger;

import java.util.Objects;

/** A MedMesh DID: {@code did:medmesh:org:<mspId>} for an organisation, {@code did:medmesh:<id>} for a patient. */
public record Did(String value) {
    private static final String ORG_PREFIX = "did:medmesh:org:";
    private static final String PATIENT = "did:medmesh:[1-9A-HJ-NP-Za-km-z]{20,64}";
    private static final String ORGANIZATION = "did:medmesh:org:[A-Za-z0-9][A-Za-z0-9.-]{0,63}";

    public Did {
        Objects.requireNonNull(value, "value");
        if (!value.matches(PATIENT) && !value.matches(ORGANIZATION)) {
            throw new IllegalArgumentException("not a did:medmesh identifier");
        }
    }

    public static Did parse(String value) {
        return new Did(value);
    }

    public static Did forOrganization(String mspId) {
        return new Did(ORG_PREFIX + mspId);
    }

    public boolean isOrganization() {
        return value.startsWith(ORG_PREFIX);
    }

    /** The MSP id of an organisation's DID. */
    public String mspId() {
        if (!isOrganization()) {
            throw new IllegalStateException("a patient DID has no MSP id");
        }
        return value.substring(ORG_PREFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
