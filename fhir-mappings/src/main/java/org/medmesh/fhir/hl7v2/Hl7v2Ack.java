package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.model.v25.segment.ERR;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Converted;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Rejected;

/**
 * Builds the original-mode acknowledgment of a message: {@code AA} when it was converted, {@code AE} or {@code AR} with
 * MSA-3 text and an ERR segment (location, table 0357 code, severity) when it was not. Thread-safe.
 */
public final class Hl7v2Ack {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssZ");
    private static final String DEFAULT_APPLICATION = "MEDMESH";

    private final Clock clock;
    private final Supplier<String> controlIds;
    private final HapiContext hapi;

    /**
     * @param clock gives MSH-7
     * @param controlIds gives MSH-10 of each acknowledgment
     */
    public Hl7v2Ack(Clock clock, Supplier<String> controlIds) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.controlIds = Objects.requireNonNull(controlIds, "controlIds");
        this.hapi = new DefaultHapiContext();
        this.hapi.setValidationContext(ValidationContextFactory.noValidation());
    }

    /** AA for a converted message, the NAK for a rejected one. */
    public String acknowledge(Hl7v2Conversion conversion) {
        if (conversion instanceof Rejected rejected) {
            return build(rejected.source(), rejected.reason().ackCode().name(), rejected.detail(),
                    rejected.reason().hl7ErrorCode(), rejected.reason().hl7ErrorText(), rejected.location());
        }
        return accept(((Converted) conversion).source());
    }

    /** AA: the message was accepted. */
    public String accept(SourceMessage source) {
        return build(source, "AA", null, null, null, Optional.empty());
    }

    /** AE with code 207: the message was valid but could not be processed (the store failed, say); the sender may retry. */
    public String applicationError(SourceMessage source, String text) {
        return build(source, "AE", text, "207", "Application internal error", Optional.empty());
    }

    private String build(SourceMessage source, String code, String text, String errorCode, String errorText,
            Optional<ErrorLocation> location) {
        try {
            ACK ack = new ACK();
            header(ack.getMSH(), source);
            ack.getMSA().getAcknowledgmentCode().setValue(code);
            ack.getMSA().getMessageControlID().setValue(source.controlId());
            if (text != null) {
                ack.getMSA().getTextMessage().setValue(text);
                error(ack.getERR(), text, errorCode, errorText, location);
            }
            return hapi.getPipeParser().encode(ack);
        } catch (HL7Exception e) {
            throw new IllegalStateException("cannot build an acknowledgment", e);
        }
    }

    private void header(MSH msh, SourceMessage source) throws HL7Exception {
        msh.getFieldSeparator().setValue("|");
        msh.getEncodingCharacters().setValue("^~\\&");
        msh.getSendingApplication().getNamespaceID().setValue(orDefault(source.receivingApplication(), DEFAULT_APPLICATION));
        msh.getSendingFacility().getNamespaceID().setValue(source.receivingFacility());
        msh.getReceivingApplication().getNamespaceID().setValue(source.sendingApplication());
        msh.getReceivingFacility().getNamespaceID().setValue(source.sendingFacility());
        msh.getDateTimeOfMessage().getTime().setValue(TIMESTAMP.format(clock.instant().atOffset(ZoneOffset.UTC)));
        String event = source.messageType().contains("^") ? source.messageType().substring(source.messageType().indexOf('^') + 1) : "";
        msh.getMessageType().getMessageCode().setValue("ACK");
        msh.getMessageType().getTriggerEvent().setValue(event);
        msh.getMessageType().getMessageStructure().setValue("ACK");
        msh.getMessageControlID().setValue(controlIds.get());
        msh.getProcessingID().getProcessingID().setValue(orDefault(source.processingId(), "P"));
        msh.getVersionID().getVersionID().setValue(
                MessageKind.VERSIONS.contains(source.version()) ? source.version() : "2.5");
    }

    private static void error(ERR err, String text, String errorCode, String errorText, Optional<ErrorLocation> location)
            throws HL7Exception {
        if (location.isPresent()) {
            ErrorLocation where = location.get();
            // ERR-1 for v2.3/2.4 receivers, ERR-2 for v2.5.
            err.getErrorCodeAndLocation(0).getSegmentID().setValue(where.segment());
            err.getErrorCodeAndLocation(0).getSegmentSequence().setValue(String.valueOf(where.occurrence()));
            if (where.field() > 0) {
                err.getErrorCodeAndLocation(0).getFieldPosition().setValue(String.valueOf(where.field()));
            }
            err.getErrorCodeAndLocation(0).getCodeIdentifyingError().getIdentifier().setValue(errorCode);
            err.getErrorCodeAndLocation(0).getCodeIdentifyingError().getText().setValue(errorText);
            err.getErrorCodeAndLocation(0).getCodeIdentifyingError().getNameOfCodingSystem().setValue("HL70357");
            err.getErrorLocation(0).getSegmentID().setValue(where.segment());
            err.getErrorLocation(0).getSegmentSequence().setValue(String.valueOf(where.occurrence()));
            if (where.field() > 0) {
                err.getErrorLocation(0).getFieldPosition().setValue(String.valueOf(where.field()));
                err.getErrorLocation(0).getFieldRepetition().setValue("1");
            }
            if (where.component() > 0) {
                err.getErrorLocation(0).getComponentNumber().setValue(String.valueOf(where.component()));
            }
        }
        err.getHL7ErrorCode().getIdentifier().setValue(errorCode);
        err.getHL7ErrorCode().getText().setValue(errorText);
        err.getHL7ErrorCode().getNameOfCodingSystem().setValue("HL70357");
        err.getSeverity().setValue("E");
        err.getUserMessage().setValue(text);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isEmpty() ? fallback : value;
    }
}
