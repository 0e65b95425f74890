/**
 * Encryption at rest under a passphrase (Argon2id + AES-256-GCM in a small versioned JSON envelope), shared by
 * the patient's wallet and a provider node's own keys; it knows nothing about what it seals.
 */
package org.medmesh.patient.seal;
