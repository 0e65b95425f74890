/** Shared test fixtures: patient and organisation keys, a JWS signer and an embedded-ledger fixture. */
package org.medmesh.chaincode.support;
