package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;
import static org.medmesh.fhir.consent.ConsentMappingException.notSupported;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * FHIR dateTime to and from the ledger's instants. Only a full dateTime (seconds and a zone) names one instant:
 * {@code 2022-12-31} ends at a different moment in every time zone, so reading it as an instant would move the
 * consent's boundary by up to a day.
 */
final class Instants {

    // FHIR's dateTime with a time part: seconds and a zone are required, any number of fraction digits allowed.
    private static final Pattern FULL = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    private Instants() {}

    /** The instant a dateTime names; the text is read as written (HAPI keeps it), so no fraction digit is lost. */
    static Instant read(DateTimeType value, String path) {
        String text = value.getValueAsString();
        if (text == null || text.isEmpty()) {
            throw invalid(path, "has no value");
        }
        if (!FULL.matcher(text).matches()) {
            if (text.contains("T")) {
                throw invalid(path, "is not a FHIR dateTime: a time needs seconds and a time zone");
            }
            throw notSupported(path, "is a date without a time; the ledger compares instants, so a date would "
                    + "begin or end at a different moment in every time zone: give a time and a zone");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(path, "is not a valid calendar date and time");
        }
    }

    /** The dateTime written for an instant, in UTC with exactly the instant's fraction digits. */
    static DateTimeType write(Instant instant, String path) {
        String text = instant.toString();
        if (!FULL.matcher(text).matches()) {
            // years before 0000 or after 9999 have no FHIR dateTime form
            throw notSupported(path, "lies outside the years FHIR dateTime can express");
        }
        return new DateTimeType(text);
    }
}
