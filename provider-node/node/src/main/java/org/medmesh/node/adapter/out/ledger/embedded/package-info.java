/** The ledger port on the embedded ledger: the same chaincode classes, run in-process. */
package org.medmesh.node.adapter.out.ledger.embedded;
