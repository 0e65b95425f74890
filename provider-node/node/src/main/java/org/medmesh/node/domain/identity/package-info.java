/**
 * Decentralized identifiers as plain values: resolved DID documents, the node's public keys, and the
 * {@code did:key} method, which is decoded rather than looked up (Ed25519 and X25519 keys only).
 */
package org.medmesh.node.domain.identity;
