package org.medmesh.node.adapter.in.hl7v2;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.medmesh.fhir.hl7v2.ErrorLocation;
import org.medmesh.fhir.hl7v2.Hl7v2Ack;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Converted;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Rejected;
import org.medmesh.fhir.hl7v2.Hl7v2Converter;
import org.medmesh.fhir.hl7v2.RejectReason.AckCode;
import org.medmesh.fhir.hl7v2.SourceMessage;
import org.medmesh.node.adapter.in.fhir.AuditInterceptor;
import org.medmesh.node.adapter.in.fhir.ProfileValidation;
import org.medmesh.node.application.fhir.BundleProcessor;
import org.medmesh.node.config.NodeProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes in one HL7 v2 message, whatever carried it: converts it, stores the bundle in one all-or-nothing
 * transaction, and builds the ACK (AA) or the NAK (AE, AR) that says what was wrong. A refused message leaves
 * nothing behind. The log gets the message type, control id and outcome, never the content (PHI).
 */
@Singleton
final class Hl7v2Ingestion {
    private static final Logger LOG = LoggerFactory.getLogger(Hl7v2Ingestion.class);
    private static final int MAX_DETAIL = 200;

    private final Hl7v2Converter converter;
    private final Hl7v2Ack acks;
    private final BundleProcessor processor;
    private final AuditInterceptor audit;
    private final boolean validation;

    Hl7v2Ingestion(Hl7v2Converter converter, Hl7v2Ack acks, BundleProcessor processor, AuditInterceptor audit,
            NodeProperties properties) {
        this.converter = converter;
        this.acks = acks;
        this.processor = processor;
        this.audit = audit;
        this.validation = properties.validationEnabled();
    }

    /** Stores the message and answers AA, or stores nothing and answers AE/AR; {@code channel} is for the log. */
    Hl7v2Receipt ingest(String message, String channel) {
        Hl7v2Conversion conversion = converter.convert(message);
        if (conversion instanceof Rejected rejected) {
            log(channel, rejected.source(), rejected.reason().ackCode(), rejected.reason().name(),
                    rejected.location().map(ErrorLocation::toString).orElse("-"));
            audit.recordImport(channel, printable(rejected.source().messageType()),
                    printable(rejected.source().sendingApplication()), List.of(), false);
            return new Hl7v2Receipt(rejected.source(), rejected.reason().ackCode(), acks.acknowledge(rejected));
        }
        return store((Converted) conversion, channel);
    }

    private Hl7v2Receipt store(Converted converted, String channel) {
        SourceMessage source = converted.source();
        try {
            if (validation) {
                // The converted bundle meets the same profile validation as one an EHR posts to /fhir.
                ProfileValidation.requireValid(converted.bundle());
            }
            Bundle response = processor.transaction(converted.bundle());
            log(channel, source, AckCode.AA, "STORED", "-");
            audit.recordImport(channel, printable(source.messageType()), printable(source.sendingApplication()),
                    response.getEntry().stream().map(e -> e.getResponse().getLocation())
                            .filter(Objects::nonNull)
                            .map(l -> l.contains("/_history") ? l.substring(0, l.indexOf("/_history")) : l)
                            .toList(), true);
            return new Hl7v2Receipt(source, AckCode.AA, acks.accept(source));
        } catch (BaseServerResponseException e) {
            // The store's message goes back to the sender, who sent the data; it is never logged.
            log(channel, source, AckCode.AE, "STORE_REFUSED_" + e.getStatusCode(), "-");
            audit.recordImport(channel, printable(source.messageType()), printable(source.sendingApplication()),
                    List.of(), false);
            return new Hl7v2Receipt(source, AckCode.AE, acks.applicationError(source,
                    shortened("the node refused the converted message (HTTP " + e.getStatusCode() + "): "
                            + e.getMessage())));
        } catch (RuntimeException e) {
            LOG.warn("HL7 v2 {} {} via {}: AE, the store failed ({})", printable(source.messageType()),
                    printable(source.controlId()), channel, e.getClass().getName());
            return new Hl7v2Receipt(source, AckCode.AE, acks.applicationError(source,
                    "the node could not store the message; nothing was stored and it may be sent again"));
        }
    }

    private static void log(String channel, SourceMessage source, AckCode code, String outcome, String location) {
        LOG.info("HL7 v2 {} {} via {}: {} {} {}", printable(source.messageType()), printable(source.controlId()),
                channel, code, outcome, location);
    }

    /** Header fields come from the sender: no line breaks or control characters into the log, and not too long. */
    private static String printable(String value) {
        String text = Optional.ofNullable(value).filter(v -> !v.isEmpty()).orElse("?");
        text = text.replaceAll("[^\\x20-\\x7E]", "_");
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static String shortened(String text) {
        String oneLine = text.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > MAX_DETAIL ? oneLine.substring(0, MAX_DETAIL) + "..." : oneLine;
    }
}
