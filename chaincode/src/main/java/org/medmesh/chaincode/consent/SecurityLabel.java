package org.medmesh.chaincode.consent;

/**
 * The HL7 security labels a provision may name: confidentiality codes (v3-Confidentiality) and the
 * sensitivity codes (v3-ActCode, InformationSensitivityPolicy) that provider nodes attach at ingest.
 */
public enum SecurityLabel {
    /** Confidentiality: low. */
    L,
    /** Confidentiality: moderate. */
    M,
    /** Confidentiality: normal. */
    N,
    /** Confidentiality: restricted. */
    R,
    /** Confidentiality: very restricted. */
    V,
    /** Sensitivity: behavioural health. */
    BH,
    /** Sensitivity: substance abuse (ETH). */
    ETH,
    /** Sensitivity: genetic disease. */
    GDIS,
    /** Sensitivity: HIV/AIDS. */
    HIV,
    /** Sensitivity: military sexual trauma. */
    MST,
    /** Sensitivity: psychiatry. */
    PSY,
    /** Sensitivity: sickle cell anaemia. */
    SCA,
    /** Sensitivity: sexual and domestic violence. */
    SDV,
    /** Sensitivity: sexuality and reproductive health. */
    SEX,
    /** Sensitivity: sexually transmitted disease. */
    STD,
    /** Sensitivity: substance use disorder. */
    SUD,
    /** Sensitivity: taboo. */
    TBOO
}
