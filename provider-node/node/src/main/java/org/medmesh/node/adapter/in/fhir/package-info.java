/** The node's FHIR R4 REST API at {@code /fhir}: HAPI's plain server over the node's record store. */
package org.medmesh.node.adapter.in.fhir;
