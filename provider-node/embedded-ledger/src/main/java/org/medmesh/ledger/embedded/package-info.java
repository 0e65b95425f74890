/**
 * A single-machine ledger runtime with Hyperledger Fabric's semantics (simulation into read/write sets, ordering
 * into hash-chained signed blocks, MVCC validation, key history, chaincode events) that runs any Fabric Java
 * chaincode in-process.
 */
package org.medmesh.ledger.embedded;
