package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/** A token parameter ({@code code}, {@code identifier}, {@code status}…) matching any of the tokens. */
public record TokenCriterion(String param, List<Token> anyOf) implements SearchCriterion {
    public TokenCriterion {
        Objects.requireNonNull(param, "param");
        anyOf = Criteria.nonEmpty(anyOf);
    }
}
