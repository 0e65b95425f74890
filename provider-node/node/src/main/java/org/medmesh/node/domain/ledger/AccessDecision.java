package org.medmesh.node.domain.ledger;

/** Whether the holder released records. */
public enum AccessDecision {
    PERMIT,
    DENY
}
