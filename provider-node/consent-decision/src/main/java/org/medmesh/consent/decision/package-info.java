/**
 * The consent decision point: a pure function from an access request and the patient's consents (as read from
 * the ledger) to a permit with a per-resource release policy, or a deny with the ledger's coarse reason. Holders
 * run it before releasing anything; the patient app runs the same code to preview a consent. The semantics are
 * described in {@code docs/consent-decisions.md}.
 */
package org.medmesh.consent.decision;
