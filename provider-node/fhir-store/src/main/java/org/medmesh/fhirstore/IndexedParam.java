package org.medmesh.fhirstore;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.List;
import java.util.Set;

/**
 * A search parameter the store indexes for one resource type: terser paths compiled from HAPI's FHIRPath, the
 * resource types a reference may target (empty: any), and whether it places resources in a Patient's compartment.
 */
record IndexedParam(String name, RestSearchParameterTypeEnum kind, List<String> paths, Set<String> targets,
        boolean compartment) {
    IndexedParam {
        paths = List.copyOf(paths);
        targets = Set.copyOf(targets);
    }

    /** The one type a bare-id reference search means, or null when the parameter may target several. */
    String soleTarget() {
        return targets.size() == 1 ? targets.iterator().next() : null;
    }
}
