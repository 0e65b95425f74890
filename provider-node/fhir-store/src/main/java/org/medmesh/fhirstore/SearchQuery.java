package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/**
 * A type-level search: every criterion must match (AND); a null sort means newest {@code _lastUpdated} first. A
 * {@code count} of 0 asks for the total only.
 */
public record SearchQuery(String type, List<SearchCriterion> criteria, SortSpec sort, int offset, int count) {
    public SearchQuery {
        Objects.requireNonNull(type, "type");
        criteria = List.copyOf(Objects.requireNonNull(criteria, "criteria"));
        if (offset < 0 || count < 0) {
            throw new IllegalArgumentException("offset and count cannot be negative");
        }
    }
}
