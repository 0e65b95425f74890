package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.require;

import java.util.regex.Pattern;

/**
 * A decentralized identifier. {@code did:medmesh:org:<mspId>} names an organisation; {@code did:medmesh:<base58>}
 * a patient. Other methods (e.g. {@code did:key} pairwise ids) pass the generic syntax check only.
 *
 * @param value the DID string
 */
public record Did(String value) {

    public static final String ORG_PREFIX = "did:medmesh:org:";
    public static final String PATIENT_PREFIX = "did:medmesh:";

    // W3C DID syntax minus percent-decoding subtleties; it excludes '|', which our range-index keys use as separator.
    private static final Pattern GENERIC = Pattern.compile("did:[a-z0-9]+(:[A-Za-z0-9._%-]+)+");
    private static final Pattern MSP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,63}");
    private static final Pattern PATIENT = Pattern.compile("did:medmesh:[1-9A-HJ-NP-Za-km-z]{32,50}");
    private static final int MAX_LENGTH = 256;

    public Did {
        require(value != null && value.length() <= MAX_LENGTH && GENERIC.matcher(value).matches(), "not a DID");
    }

    public static Did parse(String value) {
        return new Did(value);
    }

    /** Parses a DID that must name a MedMesh organisation. */
    public static Did parseOrganization(String value) {
        Did did = parse(value);
        require(did.isOrganization(), "not an organisation DID");
        return did;
    }

    /** Parses a DID that must name a MedMesh patient. */
    public static Did parsePatient(String value) {
        Did did = parse(value);
        require(did.isPatient(), "not a patient DID");
        return did;
    }

    public static Did forOrganization(String mspId) {
        require(mspId != null && MSP_ID.matcher(mspId).matches(), "not an MSP id");
        return new Did(ORG_PREFIX + mspId);
    }

    public boolean isOrganization() {
        return value.startsWith(ORG_PREFIX) && MSP_ID.matcher(value.substring(ORG_PREFIX.length())).matches();
    }

    public boolean isPatient() {
        return PATIENT.matcher(value).matches();
    }

    /** The Fabric MSP id an organisation DID is bound to. */
    public String mspId() {
        require(isOrganization(), "not an organisation DID");
        return value.substring(ORG_PREFIX.length());
    }

    @Override
    public String toString() {
        return value;
    }
}
