/** Signature verification, hashing and encodings (Ed25519, SHA-256, base64url, base58btc, compact JWS) on Bouncy Castle's low-level API. */
package org.medmesh.chaincode.crypto;
