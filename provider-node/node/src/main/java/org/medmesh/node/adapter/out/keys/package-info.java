/**
 * The node's organisation keys at rest: Ed25519 and X25519 private keys sealed under a passphrase (the
 * patient-app's Argon2id + AES-256-GCM envelope) in the data directory, with the pending keys of a rotation.
 */
package org.medmesh.node.adapter.out.keys;
