package org.medmesh.chaincode.accesslog;

/** Coarse reasons for a denial: enough for the patient and the auditor, too coarse to reveal record contents. */
public enum DenyReason {
    NO_CONSENT,
    CONSENT_REVOKED,
    CONSENT_EXPIRED,
    PURPOSE_NOT_PERMITTED,
    CLASS_NOT_PERMITTED,
    REQUESTER_NOT_PERMITTED,
    PATIENT_UNKNOWN,
    OTHER
}
