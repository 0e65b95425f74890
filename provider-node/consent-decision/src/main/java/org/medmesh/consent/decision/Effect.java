package org.medmesh.consent.decision;

/** What one consent says about one probe. */
enum Effect {
    PERMIT,
    /** An explicit deny: it overrides permits from every other consent. */
    DENY,
    /** The consent does not cover the probe. */
    NONE
}
