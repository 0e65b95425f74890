package org.medmesh.fhir.consent;

import org.medmesh.fhir.labels.SecurityLabels;

/** The code systems and codes of a MedMesh Consent, as {@link ConsentMapper} writes and requires them. */
public final class ConsentCodes {

    /** Consent.scope system. */
    public static final String CONSENT_SCOPE = "http://terminology.hl7.org/CodeSystem/consentscope";
    /** Consent.scope code: a privacy consent (the only scope the ledger keeps). */
    public static final String PATIENT_PRIVACY = "patient-privacy";
    /** Consent.category system. */
    public static final String LOINC = "http://loinc.org";
    /** Consent.category code: LOINC 59284-0 Patient Consent. */
    public static final String PATIENT_CONSENT = "59284-0";
    /**
     * Identifier system of every DID in a MedMesh Consent (patient, performer, actors): a DID is a URI (RFC 3986), and
     * a logical reference by identifier means the same on every node, where a literal {@code Organization/123} would
     * name a different local resource on each.
     */
    public static final String URI = "urn:ietf:rfc:3986";
    /** Consent.provision.actor.role system. */
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    /** Actor role of a grantee: information recipient (the role IHE PCF fixes for actors). */
    public static final String INFORMATION_RECIPIENT = "IRCP";
    /** Actor role of a holder: custodian, the organisation whose records the provision covers. */
    public static final String CUSTODIAN = "CST";
    /** Consent.provision.purpose system (HL7 v3 PurposeOfUse codes live in v3-ActReason). */
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    /** Consent.provision.class system: FHIR resource type names. */
    public static final String RESOURCE_TYPES = "http://hl7.org/fhir/resource-types";
    /** Consent.provision.securityLabel system of sensitivity codes, the one the SensitivityLabeler writes. */
    public static final String ACT_CODE = SecurityLabels.ACT_CODE;
    /** Consent.provision.securityLabel system of confidentiality codes, the one the SensitivityLabeler writes. */
    public static final String CONFIDENTIALITY = SecurityLabels.CONFIDENTIALITY;
    /** Consent.provision.action system. */
    public static final String CONSENT_ACTION = "http://terminology.hl7.org/CodeSystem/consentaction";

    private ConsentCodes() {}
}
