/** HAPI FHIR R4 mappings shared by MedMesh modules, with the process-wide {@link org.medmesh.fhir.Fhir#context() FhirContext}. */
package org.medmesh.fhir;
