/** A MedMesh provider node: one hospital's FHIR store and API, its ledger client, and the command line. */
package org.medmesh.node;
