package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/** A reference parameter matching any of {@code Type/id} or bare ids. */
public record ReferenceCriterion(String param, List<String> anyOf) implements SearchCriterion {
    public ReferenceCriterion {
        Objects.requireNonNull(param, "param");
        anyOf = Criteria.nonEmpty(anyOf);
    }
}
