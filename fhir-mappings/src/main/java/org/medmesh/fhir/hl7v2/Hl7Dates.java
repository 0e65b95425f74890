package org.medmesh.fhir.hl7v2;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;

/** HL7 v2 DTM/TS values ({@code YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]}) as FHIR dates, keeping their precision. */
final class Hl7Dates {

    private static final Pattern DTM = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,4}))?)?)?)?)?)?([+-]\\d{4})?");

    private Hl7Dates() {}

    /**
     * A FHIR dateTime; times without an offset are read in {@code localZone} (the sender's zone).
     *
     * @throws ConversionException if the text is not a valid HL7 date/time
     */
    static DateTimeType dateTime(String text, ZoneId localZone) {
        Matcher m = DTM.matcher(text.strip());
        if (!m.matches()) {
            throw ConversionException.invalid("not an HL7 date/time (YYYY[MM[DD[HH[MM[SS]]]]][+/-ZZZZ])");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = number(m.group(2), 1);
            int day = number(m.group(3), 1);
            LocalDateTime local = LocalDateTime.of(year, month, day, number(m.group(4), 0), number(m.group(5), 0),
                    number(m.group(6), 0), nanos(m.group(7)));
            ZoneId zone = m.group(8) == null ? localZone : ZoneOffset.of(m.group(8));
            Date instant = Date.from(local.atZone(zone).toInstant());
            return new DateTimeType(instant, precision(m), TimeZone.getTimeZone(zone));
        } catch (DateTimeException e) {
            throw ConversionException.invalid("not a calendar date/time");
        }
    }

    /** A FHIR date: the day (or month, or year) of an HL7 date/time, without converting zones. */
    static DateType date(String text, ZoneId localZone) {
        DateTimeType parsed = dateTime(text, localZone);
        TemporalPrecisionEnum precision = parsed.getPrecision().ordinal() > TemporalPrecisionEnum.DAY.ordinal()
                ? TemporalPrecisionEnum.DAY : parsed.getPrecision();
        DateType date = new DateType();
        date.setValueAsString(parsed.getValueAsString().substring(0, precision == TemporalPrecisionEnum.YEAR ? 4
                : precision == TemporalPrecisionEnum.MONTH ? 7 : 10));
        return date;
    }

    private static TemporalPrecisionEnum precision(Matcher m) {
        if (m.group(2) == null) {
            return TemporalPrecisionEnum.YEAR;
        } else if (m.group(3) == null) {
            return TemporalPrecisionEnum.MONTH;
        } else if (m.group(4) == null) {
            return TemporalPrecisionEnum.DAY;
        } else if (m.group(6) == null) {
            return TemporalPrecisionEnum.SECOND; // FHIR dateTime has no minute precision
        }
        return m.group(7) == null ? TemporalPrecisionEnum.SECOND : TemporalPrecisionEnum.MILLI;
    }

    private static int number(String digits, int absent) {
        return digits == null ? absent : Integer.parseInt(digits);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }
}
