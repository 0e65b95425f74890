package org.medmesh.patient.wallet;

/** Why a DID-auth response was refused. Messages are fixed phrases: they never echo the response. */
public final class DidAuthException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The refusal reasons a node maps to its own error. */
    public enum Reason {
        /** Not a compact JWS with a DID-auth payload of exactly the expected fields. */
        MALFORMED,
        /** The signature does not verify with the given key, or the kid is not the responding DID's {@code #sign}. */
        BAD_SIGNATURE,
        /** Addressed to another organisation: a response cannot be replayed to a second hospital. */
        WRONG_AUDIENCE,
        /** Answers another challenge. */
        WRONG_CHALLENGE,
        /** Issued longer ago than the verifier accepts. */
        TOO_OLD,
        /** Issued later than the verifier's clock plus the allowed skew. */
        FROM_THE_FUTURE
    }

    private final Reason reason;

    DidAuthException(Reason reason, String message) {
        super(reason.name() + ": " + message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
