package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumeration;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/** Turns one element found at a search parameter's path into index rows, by the element's data type. */
final class IndexValues {
    private IndexValues() {}

    static void token(IndexRows rows, String param, IBase value) {
        if (value instanceof Identifier identifier) {
            addToken(rows, param, identifier.getSystem(), identifier.getValue());
        } else if (value instanceof CodeableConcept concept) {
            concept.getCoding().forEach(coding -> addToken(rows, param, coding.getSystem(), coding.getCode()));
        } else if (value instanceof Coding coding) {
            addToken(rows, param, coding.getSystem(), coding.getCode());
        } else if (value instanceof Enumeration<?> enumeration) {
            addToken(rows, param, enumeration.getValue() == null ? null : enumeration.getSystem(),
                    enumeration.getValueAsString());
        } else if (value instanceof ContactPoint contact) {
            addToken(rows, param, null, contact.getValue());
        } else if (value instanceof IPrimitiveType<?> primitive) {
            addToken(rows, param, null, primitive.getValueAsString());
        }
    }

    private static void addToken(IndexRows rows, String param, String system, String code) {
        if (code != null && !code.isEmpty()) {
            String clippedSystem = system == null || system.isEmpty() ? null : Text.clip(system, Text.TOKEN_LENGTH);
            rows.tokens.add(new IndexRows.TokenRow(param, clippedSystem, Text.clip(code, Text.TOKEN_LENGTH)));
        }
    }

    static void string(IndexRows rows, String param, IBase value) {
        if (value instanceof HumanName name) {
            addString(rows, param, name.getFamily());
            name.getGiven().forEach(given -> addString(rows, param, given.getValue()));
            name.getPrefix().forEach(prefix -> addString(rows, param, prefix.getValue()));
            name.getSuffix().forEach(suffix -> addString(rows, param, suffix.getValue()));
            addString(rows, param, name.getText());
        } else if (value instanceof Address address) {
            address.getLine().forEach(line -> addString(rows, param, line.getValue()));
            for (String part : List.of(nullToEmpty(address.getCity()), nullToEmpty(address.getDistrict()),
                    nullToEmpty(address.getState()), nullToEmpty(address.getPostalCode()),
                    nullToEmpty(address.getCountry()), nullToEmpty(address.getText()))) {
                addString(rows, param, part);
            }
        } else if (value instanceof ContactPoint contact) {
            addString(rows, param, contact.getValue());
        } else if (value instanceof IPrimitiveType<?> primitive) {
            addString(rows, param, primitive.getValueAsString());
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    private static void addString(IndexRows rows, String param, String value) {
        if (value != null && !value.isBlank()) {
            rows.strings.add(new IndexRows.StringRow(param, Text.clip(value, Text.STRING_LENGTH),
                    Text.normalize(value)));
        }
    }

    static void date(IndexRows rows, String param, IBase value) {
        DateRange range = null;
        if (value instanceof BaseDateTimeType dateTime) {
            range = DateRange.of(dateTime);
        } else if (value instanceof Period period) {
            range = period(period);
        } else if (value instanceof Timing timing) {
            range = timing(timing);
        }
        if (range != null) {
            rows.dates.add(new IndexRows.DateRow(param, range.low(), range.high()));
        }
    }

    private static DateRange period(Period period) {
        DateRange start = DateRange.of(period.getStartElement());
        DateRange end = DateRange.of(period.getEndElement());
        if (start == null && end == null) {
            return null;
        }
        return new DateRange(start == null ? DateRange.MIN : start.low(), end == null ? DateRange.MAX : end.high());
    }

    /** A Timing covers its first event to its last, widened by its repeat bounds. */
    private static DateRange timing(Timing timing) {
        Instant low = null;
        Instant high = null;
        for (var event : timing.getEvent()) {
            DateRange range = DateRange.of(event);
            if (range != null) {
                low = low == null || range.low().isBefore(low) ? range.low() : low;
                high = high == null || range.high().isAfter(high) ? range.high() : high;
            }
        }
        if (timing.hasRepeat() && timing.getRepeat().hasBoundsPeriod()) {
            DateRange bounds = period(timing.getRepeat().getBoundsPeriod());
            if (bounds != null) {
                low = low == null || bounds.low().isBefore(low) ? bounds.low() : low;
                high = high == null || bounds.high().isAfter(high) ? bounds.high() : high;
            }
        }
        return low == null ? null : new DateRange(low, high);
    }

    /** Relative references only: {@code urn:uuid:}, contained ({@code #x}) and absolute URLs are not indexed. */
    static IIdType reference(IBase value) {
        if (!(value instanceof Reference reference) || reference.getReference() == null) {
            return null;
        }
        String text = reference.getReference();
        if (text.startsWith("urn:") || text.startsWith("#")) {
            return null;
        }
        IIdType target = reference.getReferenceElement();
        if (target.hasBaseUrl() || !target.hasResourceType() || !target.hasIdPart()
                || target.getIdPart().length() > Jdbc.ID_LENGTH) {
            return null;
        }
        return target;
    }
}
