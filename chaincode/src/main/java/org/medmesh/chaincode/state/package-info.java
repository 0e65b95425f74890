/** The contracts' view of the world state: canonical JSON reads and writes, transaction time, caller and events. */
package org.medmesh.chaincode.state;
