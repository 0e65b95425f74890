package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.preparser.PreParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Converted;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Rejected;

/**
 * Converts one pipe-delimited HL7 v2 message (ADT A01/A03/A04/A08, ORU R01; v2.3 to v2.5.1) into a FHIR R4 transaction
 * Bundle with a Provenance naming the message, or rejects it whole. Thread-safe.
 */
public final class Hl7v2Converter {

    private static final String[] HEADER_FIELDS = {
        "MSH-3", "MSH-4", "MSH-5", "MSH-6", "MSH-9-1", "MSH-9-2", "MSH-10", "MSH-11", "MSH-12"};

    private final Hl7v2Settings settings;
    private final Clock clock;
    private final Supplier<UUID> ids;
    private final HapiContext hapi;

    /**
     * @param settings the senders' zone and identifier systems
     * @param clock gives Provenance.recorded
     * @param ids gives the {@code urn:uuid} full URLs of the bundle entries
     */
    public Hl7v2Converter(Hl7v2Settings settings, Clock clock, Supplier<UUID> ids) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = Objects.requireNonNull(ids, "ids");
        // Field checks are ours (they must name the field); HAPI's would throw without saying where.
        this.hapi = new DefaultHapiContext(new CanonicalModelClassFactory("2.5"));
        this.hapi.setValidationContext(ValidationContextFactory.noValidation());
    }

    /** A converter for senders in {@code localZone}, with the system clock and random UUIDs. */
    public static Hl7v2Converter forZone(ZoneId localZone) {
        return new Hl7v2Converter(Hl7v2Settings.inZone(localZone), Clock.systemUTC(), UUID::randomUUID);
    }

    /** Converts a message; segments may end with CR, LF or CRLF. */
    public Hl7v2Conversion convert(String message) {
        String text = message == null ? "" : message.strip().replace("\r\n", "\r").replace('\n', '\r');
        if (!text.startsWith("MSH") || text.length() < 8) {
            return new Rejected(SourceMessage.unknown(), RejectReason.UNPARSABLE,
                    "not an HL7 v2 message: it must start with an MSH segment", Optional.of(ErrorLocation.segment("MSH")));
        }
        SourceMessage source = SourceMessage.unknown();
        try {
            source = header(text);
            MessageKind kind = check(source);
            Message parsed = parse(text, kind);
            MessageContext context = new MessageContext(settings, source, new BundleBuilder(ids));
            MessageMapper.map(parsed, kind, clock.instant(), context);
            return new Converted(source, context.bundle().bundle());
        } catch (ConversionException e) {
            return new Rejected(source, e.reason(), e.getMessage(), Optional.ofNullable(e.location()));
        }
    }

    private static SourceMessage header(String text) {
        try {
            String[] f = PreParser.getFields(text, HEADER_FIELDS);
            return new SourceMessage(f[0], f[1], f[2], f[3], f[4] == null ? null : f[4] + "^" + (f[5] == null ? "" : f[5]),
                    f[6], f[7], f[8]);
        } catch (HL7Exception | RuntimeException e) {
            throw new ConversionException(RejectReason.UNPARSABLE, "the message header (MSH) cannot be read",
                    ErrorLocation.segment("MSH"));
        }
    }

    private static MessageKind check(SourceMessage source) {
        if (source.messageType().isEmpty()) {
            throw new ConversionException(RejectReason.UNPARSABLE, "MSH-9 (message type) is missing: message truncated?",
                    ErrorLocation.field("MSH", 9));
        }
        if (source.controlId().isEmpty()) {
            throw new ConversionException(RejectReason.UNPARSABLE, "MSH-10 (message control id) is missing",
                    ErrorLocation.field("MSH", 10));
        }
        if (!MessageKind.VERSIONS.contains(source.version())) {
            throw new ConversionException(RejectReason.UNSUPPORTED_VERSION, "HL7 version '" + source.version()
                    + "' is not accepted (2.3, 2.3.1, 2.4, 2.5, 2.5.1 are)", ErrorLocation.field("MSH", 12));
        }
        String[] type = source.messageType().split("\\^", -1);
        return MessageKind.of(type[0], type.length > 1 ? type[1] : "").orElseThrow(() -> new ConversionException(
                RejectReason.UNSUPPORTED_MESSAGE_TYPE, "message type " + source.messageType()
                        + " is not accepted (ADT^A01, ADT^A03, ADT^A04, ADT^A08, ORU^R01 are)",
                ErrorLocation.field("MSH", 9)));
    }

    private Message parse(String text, MessageKind kind) {
        Message message = kind.newStructure();
        message.setParser(hapi.getPipeParser());
        try {
            PipeParser parser = hapi.getPipeParser();
            parser.parse(message, text);
            return message;
        } catch (HL7Exception | RuntimeException e) {
            throw new ConversionException(RejectReason.UNPARSABLE, "the message cannot be parsed: " + e.getMessage(), null);
        }
    }
}
