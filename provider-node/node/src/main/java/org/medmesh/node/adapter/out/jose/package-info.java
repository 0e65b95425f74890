/**
 * The wire formats of the peer-to-peer record exchange, in standard compact JOSE (nimbus-jose-jwt over Tink): the
 * requester's signed request (JWS, EdDSA) and the holder's response as a stream of sign-then-encrypt envelopes (JWS
 * inside JWE, ECDH-ES over X25519, A256GCM) closed by an encrypted, signed manifest. See provider-node/README.md.
 */
package org.medmesh.node.adapter.out.jose;
