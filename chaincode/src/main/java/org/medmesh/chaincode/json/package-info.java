/** The one JSON codec of the chaincode: strict parsing and RFC 8785 canonical output, so every endorser writes the same bytes. */
package org.medmesh.chaincode.json;
