/**
 * The node's own organisation identity on the ledger — registered at start-up, its keys rotated on request — and
 * DID resolution for everything else the node talks to: {@code did:medmesh} from the ledger (cached, kept fresh
 * by the ledger's DID events) and {@code did:key} by decoding.
 */
package org.medmesh.node.application.identity;
