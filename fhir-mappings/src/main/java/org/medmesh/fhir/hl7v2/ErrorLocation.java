package org.medmesh.fhir.hl7v2;

import java.util.Objects;

/**
 * Where in a message a problem is: segment id, its occurrence (1-based), field and component (0 = not known).
 *
 * @param segment segment id, e.g. {@code PID}
 * @param occurrence which occurrence of the segment, from 1
 * @param field field number, 0 for the whole segment
 * @param component component number, 0 for the whole field
 */
public record ErrorLocation(String segment, int occurrence, int field, int component) {

    public ErrorLocation {
        Objects.requireNonNull(segment, "segment");
        if (!segment.matches("[A-Z][A-Z0-9]{2}") || occurrence < 1 || field < 0 || component < 0) {
            throw new IllegalArgumentException("not a segment location: " + segment + " " + occurrence + " " + field);
        }
    }

    /** The first occurrence of a segment, as a whole. */
    public static ErrorLocation segment(String segment) {
        return new ErrorLocation(segment, 1, 0, 0);
    }

    /** A field of the first occurrence of a segment. */
    public static ErrorLocation field(String segment, int field) {
        return new ErrorLocation(segment, 1, field, 0);
    }

    /** This field in another occurrence of the segment. */
    public ErrorLocation occurrence(int n) {
        return new ErrorLocation(segment, n, field, component);
    }

    /** As HL7 writes it: {@code PID-3}, {@code OBX(2)-5}, {@code PV1}. */
    @Override
    public String toString() {
        String name = occurrence == 1 ? segment : segment + "(" + occurrence + ")";
        if (field == 0) {
            return name;
        }
        return component == 0 ? name + "-" + field : name + "-" + field + "." + component;
    }
}
