package org.medmesh.chaincode.consent;

/**
 * The HL7 v3 PurposeOfUse codes (v3-PurposeOfUse, 2.16.840.1.113883.1.11.20448) MedMesh accepts.
 * A fixed subset keeps every endorser's validation identical and the ledger free of free text.
 */
public enum PurposeOfUse {
    /** Treatment. */
    TREAT,
    /** Emergency treatment; the only purpose break-glass access may claim. */
    ETREAT,
    /** Healthcare payment. */
    HPAYMT,
    /** Healthcare operations. */
    HOPERAT,
    /** Healthcare research. */
    HRESCH,
    /** Patient requested. */
    PATRQT,
    /** Healthcare marketing. */
    HMARKT,
    /** Directory. */
    HDIRECT,
    /** Public health. */
    PUBHLTH,
    /** Healthcare system administration. */
    HSYSADMIN,
    /** Care management. */
    CAREMGT
}
