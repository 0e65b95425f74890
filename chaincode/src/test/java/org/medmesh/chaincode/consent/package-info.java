/** Tests of provision validation and of the consent contract on the embedded ledger. */
package org.medmesh.chaincode.consent;
