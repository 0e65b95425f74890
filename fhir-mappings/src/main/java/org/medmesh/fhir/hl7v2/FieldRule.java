package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Segment;
import java.util.List;

/**
 * One row of a segment map: field {@code field} of segment {@code S} goes to {@code element} of resource {@code R}.
 * A required field that is empty, or a mapping that finds a bad value, rejects the message at this field.
 *
 * @param field the field number
 * @param element the FHIR element it fills (documentation)
 * @param required whether the message is rejected when the field is empty
 * @param mapping what to do when the field has a value
 */
record FieldRule<S extends Segment, R>(int field, String element, boolean required, Mapping<S, R> mapping) {

    /** Copies a field's value into the resource. */
    @FunctionalInterface
    interface Mapping<S, R> {
        void map(S segment, R resource, MessageContext context) throws HL7Exception;
    }

    static <S extends Segment, R> FieldRule<S, R> required(int field, String element, Mapping<S, R> mapping) {
        return new FieldRule<>(field, element, true, mapping);
    }

    static <S extends Segment, R> FieldRule<S, R> optional(int field, String element, Mapping<S, R> mapping) {
        return new FieldRule<>(field, element, false, mapping);
    }

    /** Applies every rule of a table to one segment occurrence. */
    static <S extends Segment, R> void applyAll(List<FieldRule<S, R>> table, S segment, int occurrence, R resource,
            MessageContext context) {
        for (FieldRule<S, R> rule : table) {
            rule.apply(segment, occurrence, resource, context);
        }
    }

    private void apply(S segment, int occurrence, R resource, MessageContext context) {
        ErrorLocation location = new ErrorLocation(segment.getName(), occurrence, field, 0);
        try {
            boolean empty = segment.getField(field).length == 0
                    || DataTypes.empty(segment.getField(field, 0));
            if (empty) {
                if (required) {
                    throw new ConversionException(RejectReason.MISSING_FIELD,
                            location + " (" + element + ") is required", location);
                }
                return;
            }
            mapping.map(segment, resource, context);
        } catch (HL7Exception e) {
            throw new ConversionException(RejectReason.INVALID_VALUE, location + ": " + e.getMessage(), location);
        } catch (ConversionException e) {
            throw e.at(location);
        }
    }
}
