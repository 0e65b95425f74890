package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/**
 * A string parameter: by default a case- and accent-insensitive prefix match; with {@code exact} the whole value,
 * case and accents included.
 */
public record StringCriterion(String param, List<String> anyOf, boolean exact) implements SearchCriterion {
    public StringCriterion {
        Objects.requireNonNull(param, "param");
        anyOf = Criteria.nonEmpty(anyOf);
    }
}
