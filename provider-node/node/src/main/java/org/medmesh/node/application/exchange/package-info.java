/**
 * The record exchange between nodes, holder side: verifying a peer's signed request against its DID on the ledger
 * and refusing replays durably, before anything about a patient is looked at.
 */
package org.medmesh.node.application.exchange;
