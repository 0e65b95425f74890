/** Known-answer tests of the canonical JSON codec. */
package org.medmesh.chaincode.json;
