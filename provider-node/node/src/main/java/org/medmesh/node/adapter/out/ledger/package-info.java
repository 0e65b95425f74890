/** The ledger port over MedMesh's chaincode, whatever runs it: argument encoding, result decoding, error mapping. */
package org.medmesh.node.adapter.out.ledger;
