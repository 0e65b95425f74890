/** Tests of the did:medmesh method: DID derivation and the identity contract on the embedded ledger. */
package org.medmesh.chaincode.identity;
