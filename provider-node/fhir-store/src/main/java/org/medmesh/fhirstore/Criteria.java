package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/** Checks shared by the criterion records. */
final class Criteria {
    private Criteria() {}

    static <T> List<T> nonEmpty(List<T> values) {
        List<T> copy = List.copyOf(Objects.requireNonNull(values, "values"));
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("a criterion needs at least one value");
        }
        return copy;
    }

    static void range(java.time.Instant low, java.time.Instant high) {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
        if (!low.isBefore(high)) {
            throw new IllegalArgumentException("a date range must end after it starts");
        }
    }
}
