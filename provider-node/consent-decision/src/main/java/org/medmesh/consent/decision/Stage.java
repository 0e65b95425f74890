package org.medmesh.consent.decision;

/**
 * The request's dimensions in the order a deny reason is looked for: the first one whose real value, once fixed,
 * leaves nothing releasable names the reason.
 */
enum Stage {
    HOLDER,
    REQUESTER,
    PURPOSE,
    TIME,
    CLASSES
}
