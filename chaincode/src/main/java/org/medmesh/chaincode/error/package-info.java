/** Refusal codes and the single way the contracts refuse a transaction. */
package org.medmesh.chaincode.error;
