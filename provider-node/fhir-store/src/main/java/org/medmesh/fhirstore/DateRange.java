package org.medmesh.fhirstore;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * The instants a FHIR date value stands for, {@code [low, high)}: {@code 2020-03} is all of March 2020. Dates
 * without a time are read in UTC, so that a birth date indexes the same on every server.
 */
record DateRange(Instant low, Instant high) {
    /** Stands for an open start (a Period without start). */
    static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    /** Stands for an open end (a Period without end). */
    static final Instant MAX = Instant.parse("9999-12-31T00:00:00Z");

    private static final Pattern MINUTE =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})");

    DateRange {
        Objects.requireNonNull(low, "low");
        Objects.requireNonNull(high, "high");
    }

    /** Parses a query value; beyond FHIR's dateTime it accepts minute precision ({@code 2020-03-04T10:00Z}). */
    static DateRange parse(String fhirDate) {
        Objects.requireNonNull(fhirDate, "fhirDate");
        Matcher minute = MINUTE.matcher(fhirDate);
        if (minute.matches()) {
            return clock(OffsetDateTime.parse(minute.group(1) + ":00" + minute.group(2)).toInstant(),
                    ChronoUnit.MINUTES);
        }
        try {
            return of(new DateTimeType(fhirDate));
        } catch (ca.uhn.fhir.parser.DataFormatException e) {
            throw new IllegalArgumentException("not a FHIR date: " + fhirDate, e);
        }
    }

    /** The range of a date, dateTime or instant; null when the element has no value. */
    static DateRange of(BaseDateTimeType value) {
        if (value == null || value.getValue() == null) {
            return null;
        }
        TemporalPrecisionEnum precision = value.getPrecision();
        switch (precision) {
            case YEAR:
                return calendar(LocalDate.of(value.getYear(), 1, 1), ChronoUnit.YEARS);
            case MONTH:
                return calendar(LocalDate.of(value.getYear(), value.getMonth() + 1, 1), ChronoUnit.MONTHS);
            case DAY:
                return calendar(LocalDate.of(value.getYear(), value.getMonth() + 1, value.getDay()), ChronoUnit.DAYS);
            case MINUTE:
                return clock(value.getValue().toInstant(), ChronoUnit.MINUTES);
            case SECOND:
                return clock(value.getValue().toInstant(), ChronoUnit.SECONDS);
            default:
                return clock(value.getValue().toInstant(), ChronoUnit.MILLIS);
        }
    }

    private static DateRange calendar(LocalDate start, ChronoUnit unit) {
        return new DateRange(start.atStartOfDay(ZoneOffset.UTC).toInstant(),
                start.plus(1, unit).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static DateRange clock(Instant instant, ChronoUnit unit) {
        Instant start = instant.truncatedTo(unit);
        return new DateRange(start, start.plus(1, unit));
    }
}
