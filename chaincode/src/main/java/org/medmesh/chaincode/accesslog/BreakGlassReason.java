package org.medmesh.chaincode.accesslog;

/** Why a clinician broke the glass; the free-text reason stays off-chain and only its hash is logged. */
public enum BreakGlassReason {
    /** The patient cannot consent (unconscious, incapacitated). */
    UNCONSCIOUS,
    /** Delay would endanger the patient's life. */
    LIFE_THREATENING,
    /** Anything else; the off-chain reason explains. */
    OTHER
}
