/** MedMesh's Fabric Java chaincode: the identity, consent and access-log contracts and what they share. */
package org.medmesh.chaincode;
