package org.medmesh.fhirstore;

import java.util.Objects;

/** Sort by {@code _lastUpdated}, {@code _id}, or a date or string parameter of the type; ties go by id. */
public record SortSpec(String param, boolean descending) {
    public SortSpec {
        Objects.requireNonNull(param, "param");
    }
}
