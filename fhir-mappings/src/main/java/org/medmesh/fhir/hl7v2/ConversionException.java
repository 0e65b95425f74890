package org.medmesh.fhir.hl7v2;

/** Internal signal that a message must be rejected; {@link Hl7v2Converter} turns it into {@link Hl7v2Conversion.Rejected}. */
final class ConversionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final transient ErrorLocation location;

    ConversionException(RejectReason reason, String detail, ErrorLocation location) {
        super(detail, null, false, false);
        this.reason = reason;
        this.location = location;
    }

    static ConversionException invalid(String detail) {
        return new ConversionException(RejectReason.INVALID_VALUE, detail, null);
    }

    RejectReason reason() {
        return reason;
    }

    ErrorLocation location() {
        return location;
    }

    /** The same problem, placed at {@code where} unless it already knows a more precise place. */
    ConversionException at(ErrorLocation where) {
        return location != null ? this : new ConversionException(reason, where + ": " + getMessage(), where);
    }
}
