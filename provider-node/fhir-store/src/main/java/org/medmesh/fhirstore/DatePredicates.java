package org.medmesh.fhirstore;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * FHIR's prefix rules (R4 search, 3.1.1.4.2) as SQL over an indexed range {@code [low, high)} against the query's
 * range {@code [qLow, qHigh)}. "Above the search value" is {@code [qHigh, ∞)}, "below" is {@code (-∞, qLow)}.
 */
final class DatePredicates {
    /** {@code ap}: the query range widened by this share of its distance from now, on each side. */
    private static final double APPROXIMATION = 0.1;

    private DatePredicates() {}

    /** Appends the predicate to {@code sql} and its values to {@code params}. */
    static void range(String low, String high, Prefix prefix, Instant qLow, Instant qHigh, Instant now,
            StringBuilder sql, List<Object> params) {
        String contained = "(" + low + " >= ? AND " + high + " <= ?)";
        switch (prefix) {
            case EQ -> add(sql, params, contained, qLow, qHigh);
            case NE -> add(sql, params, "NOT " + contained, qLow, qHigh);
            case GT -> add(sql, params, high + " > ?", qHigh);
            case LT -> add(sql, params, low + " < ?", qLow);
            case GE -> add(sql, params, "(" + high + " > ? OR " + contained + ")", qHigh, qLow, qHigh);
            case LE -> add(sql, params, "(" + low + " < ? OR " + contained + ")", qLow, qLow, qHigh);
            case SA -> add(sql, params, low + " >= ?", qHigh);
            case EB -> add(sql, params, high + " <= ?", qLow);
            case AP -> add(sql, params, "(" + low + " < ? AND " + high + " > ?)", widenHigh(qHigh, now),
                    widenLow(qLow, now));
            default -> throw new IllegalStateException("unknown prefix " + prefix);
        }
    }

    /**
     * The same rules for a single instant such as {@code _lastUpdated}, whose range is {@code [t, t + 1 ms)}: at
     * millisecond resolution {@code t + 1 ms > qHigh} is {@code t >= qHigh}, and so on.
     */
    static void instant(String column, Prefix prefix, Instant qLow, Instant qHigh, Instant now, StringBuilder sql,
            List<Object> params) {
        String contained = "(" + column + " >= ? AND " + column + " < ?)";
        switch (prefix) {
            case EQ -> add(sql, params, contained, qLow, qHigh);
            case NE -> add(sql, params, "NOT " + contained, qLow, qHigh);
            case GT, SA -> add(sql, params, column + " >= ?", qHigh);
            case LT, EB -> add(sql, params, column + " < ?", qLow);
            case GE -> add(sql, params, column + " >= ?", qLow);
            case LE -> add(sql, params, column + " < ?", qHigh);
            case AP -> add(sql, params, contained, widenLow(qLow, now), widenHigh(qHigh, now));
            default -> throw new IllegalStateException("unknown prefix " + prefix);
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String predicate, Object... values) {
        sql.append(predicate);
        params.addAll(List.of(values));
    }

    private static Instant widenLow(Instant qLow, Instant now) {
        return qLow.minus(share(Duration.between(qLow, now).abs()));
    }

    private static Instant widenHigh(Instant qHigh, Instant now) {
        return qHigh.plus(share(Duration.between(qHigh, now).abs()));
    }

    private static Duration share(Duration distance) {
        return Duration.ofMillis((long) (distance.toMillis() * APPROXIMATION));
    }
}
