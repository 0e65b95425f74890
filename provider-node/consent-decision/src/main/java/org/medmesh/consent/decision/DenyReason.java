package org.medmesh.consent.decision;

/**
 * Why a request was refused, in the ledger's coarse codes (the chaincode's {@code accesslog.DenyReason}, name for
 * name), so a deny can be recorded as it was decided. Coarse on purpose: a reason never reveals record contents.
 */
public enum DenyReason {
    /** No consent of the patient permits this request, or none covers this holder's records. */
    NO_CONSENT,
    /** The consent that would have permitted this request was revoked. */
    CONSENT_REVOKED,
    /** The consent (or the exception) that would have permitted this request has ended. */
    CONSENT_EXPIRED,
    /** A consent covers this requester, but not for this purpose of use. */
    PURPOSE_NOT_PERMITTED,
    /** A consent applies, but none of the requested resource classes may be released. */
    CLASS_NOT_PERMITTED,
    /** A consent covers this holder's records, but not for this requester. */
    REQUESTER_NOT_PERMITTED,
    /** The patient is not enrolled at this holder; decided before the consents are read, never by the engine. */
    PATIENT_UNKNOWN,
    /** Anything else: a consent not yet valid, or a patient whose DID was deactivated. */
    OTHER
}
