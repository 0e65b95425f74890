/** The ledger port on a Hyperledger Fabric network, through the official Java Fabric Gateway client. */
package org.medmesh.node.adapter.out.ledger.fabric;
