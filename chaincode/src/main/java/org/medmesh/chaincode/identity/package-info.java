/** The {@code did:medmesh} method: organisation and patient DID records, their key rotation and deactivation, and DID resolution. */
package org.medmesh.chaincode.identity;
