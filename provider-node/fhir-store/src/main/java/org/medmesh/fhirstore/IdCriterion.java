package org.medmesh.fhirstore;

import java.util.List;

/** {@code _id}: any of the logical ids. */
public record IdCriterion(List<String> ids) implements SearchCriterion {
    public IdCriterion {
        ids = Criteria.nonEmpty(ids);
    }
}
