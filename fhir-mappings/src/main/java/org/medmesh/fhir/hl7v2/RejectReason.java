package org.medmesh.fhir.hl7v2;

/** Why a message was refused, with the HL7 table 0357 error code and the acknowledgment code it earns. */
public enum RejectReason {
    /** Not an HL7 v2 pipe-delimited message, or cut off before its header was complete. */
    UNPARSABLE("100", "Segment sequence error", AckCode.AR),
    /** A segment the message type needs is absent (PID, PV1 for ADT, OBR for ORU). */
    MISSING_SEGMENT("100", "Segment sequence error", AckCode.AE),
    /** A required field is empty (PID-3, PV1-2, OBR-4, OBX-3…). */
    MISSING_FIELD("101", "Required field missing", AckCode.AE),
    /** A field holds a value of the wrong form: a date that is not a date, a number that is not a number. */
    INVALID_VALUE("102", "Data type error", AckCode.AE),
    /** A message type or trigger event other than ADT A01/A03/A04/A08 and ORU R01. */
    UNSUPPORTED_MESSAGE_TYPE("200", "Unsupported message type", AckCode.AR),
    /** A version other than 2.3, 2.3.1, 2.4, 2.5 and 2.5.1. */
    UNSUPPORTED_VERSION("203", "Unsupported version id", AckCode.AR),
    /** Valid HL7 that this mapping does not handle (several patients in one ORU, an OBX value type we cannot map). */
    UNSUPPORTED_CONTENT("207", "Application internal error", AckCode.AE);

    /** Acknowledgment codes (HL7 table 0008, original mode). */
    public enum AckCode { AA, AE, AR }

    private final String hl7ErrorCode;
    private final String hl7ErrorText;
    private final AckCode ackCode;

    RejectReason(String hl7ErrorCode, String hl7ErrorText, AckCode ackCode) {
        this.hl7ErrorCode = hl7ErrorCode;
        this.hl7ErrorText = hl7ErrorText;
        this.ackCode = ackCode;
    }

    /** HL7 table 0357 code, for ERR-3. */
    public String hl7ErrorCode() {
        return hl7ErrorCode;
    }

    /** HL7 table 0357 text, for ERR-3. */
    public String hl7ErrorText() {
        return hl7ErrorText;
    }

    /** {@code AR} when the message as a whole cannot be processed, {@code AE} when its content is wrong. */
    public AckCode ackCode() {
        return ackCode;
    }
}
