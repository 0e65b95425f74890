package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.Objects;

/** {@code _lastUpdated}: the query's precision range {@code [low, high)} compared with each resource's instant. */
public record LastUpdatedCriterion(Prefix prefix, Instant low, Instant high) implements SearchCriterion {
    public LastUpdatedCriterion {
        Objects.requireNonNull(prefix, "prefix");
        Criteria.range(low, high);
    }

    /** From a FHIR date, dateTime or instant as written in a query. */
    public static LastUpdatedCriterion of(Prefix prefix, String fhirDate) {
        DateRange range = DateRange.parse(fhirDate);
        return new LastUpdatedCriterion(prefix, range.low(), range.high());
    }
}
