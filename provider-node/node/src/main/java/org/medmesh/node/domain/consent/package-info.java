/**
 * The consent decision point: a pure function from an access request and the patient's consents (as read from
 * the ledger) to a permit with a per-resource release policy, or a deny with the ledger's coarse reason. The
 * semantics are described in {@code docs/consent-decisions.md}.
 */
package org.medmesh.node.domain.consent;
