package org.medmesh.consent.ledger;

/** A consent's status at the ledger's current time. Only {@link #ACTIVE} can justify a release. */
public enum ConsentStatus {
    ACTIVE,
    REVOKED,
    EXPIRED,
    NOT_YET_VALID,
    /** The patient's DID was deactivated. */
    INACTIVE
}
