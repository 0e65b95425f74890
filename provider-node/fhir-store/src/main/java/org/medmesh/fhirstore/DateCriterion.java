package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.Objects;

/**
 * A date parameter: the query value's own precision range {@code [low, high)} compared with each indexed value's
 * range under FHIR's prefix rules (so {@code date=2020-03} matches values that lie within March 2020).
 */
public record DateCriterion(String param, Prefix prefix, Instant low, Instant high) implements SearchCriterion {
    public DateCriterion {
        Objects.requireNonNull(param, "param");
        Objects.requireNonNull(prefix, "prefix");
        Criteria.range(low, high);
    }

    /** From a FHIR date, dateTime or instant as written in a query: {@code 2020-03}, {@code 2020-03-04T10:00Z}. */
    public static DateCriterion of(String param, Prefix prefix, String fhirDate) {
        DateRange range = DateRange.parse(fhirDate);
        return new DateCriterion(param, prefix, range.low(), range.high());
    }
}
