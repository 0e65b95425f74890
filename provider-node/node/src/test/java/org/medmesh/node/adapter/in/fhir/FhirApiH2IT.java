package org.medmesh.node.adapter.in.fhir;

/** The FHIR API on the embedded default: the store in an H2 file under the node's data directory. */
class FhirApiH2IT extends FhirApiContractTest {
    FhirApiH2IT() {
        super(FhirNode.start(null, null));
    }
}
