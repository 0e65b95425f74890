package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.v25.segment.EVN;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import java.time.Instant;
import java.util.Date;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;

/**
 * MSH and EVN to the Provenance of the converted resources (v2-to-FHIR IG: "MSH[Provenance-Source]", "EVN[Provenance]"):
 * the source message (MSH-10 and the sender) is the entity, the sending application the agent.
 */
final class ProvenanceMapper {

    /** Identifier system of message control ids (MSH-10) of one sending facility, completed with its namespace. */
    static final String MESSAGE_ID_SYSTEM_PREFIX = "urn:medmesh:hl7v2:message:";

    private ProvenanceMapper() {}

    /** Adds the Provenance, targeting every entry already in the bundle. */
    static void add(MSH msh, EVN evn, Instant recorded, MessageContext context) {
        SourceMessage source = context.source();
        Provenance provenance = new Provenance().setRecorded(Date.from(recorded));
        for (Bundle.BundleEntryComponent entry : context.bundle().bundle().getEntry()) {
            provenance.addTarget(new Reference(entry.getFullUrl()));
        }
        provenance.setActivity(new CodeableConcept(new Coding(CodeSystems.V2_TABLE + "0003",
                source.messageType().substring(source.messageType().indexOf('^') + 1), null)));
        occurred(msh, evn, provenance, context);
        provenance.addAgent()
                .setType(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/provenance-participant-type", "assembler", "Assembler")))
                .setWho(new Reference().setType("Device").setDisplay(source.sendingApplication())
                        .setIdentifier(new Identifier().setSystem(Hl7v2Settings.DEFAULT_SYSTEM_PREFIX + "application")
                                .setValue(source.sendingApplication())))
                .setOnBehalfOf(new Reference().setType("Organization").setDisplay(source.sendingFacility())
                        .setIdentifier(new Identifier().setSystem(context.senderSystem()).setValue(source.sendingFacility())));
        provenance.addEntity()
                .setRole(Provenance.ProvenanceEntityRole.SOURCE)
                .setWhat(new Reference()
                        .setIdentifier(new Identifier()
                                .setSystem(MESSAGE_ID_SYSTEM_PREFIX + source.sendingFacility())
                                .setValue(source.controlId()))
                        .setDisplay("HL7 v" + source.version() + " " + source.messageType() + " " + source.controlId()
                                + " from " + source.sendingApplication() + "@" + source.sendingFacility()));
        context.bundle().create(provenance);
    }

    // When the event happened: EVN-6 (event occurred), else EVN-2 (recorded by the sender), else MSH-7.
    private static void occurred(MSH msh, EVN evn, Provenance provenance, MessageContext context) {
        String[] candidates = {
            evn == null ? null : DataTypes.text(evn.getEventOccurred().getTime()),
            evn == null ? null : DataTypes.text(evn.getRecordedDateTime().getTime()),
            DataTypes.text(msh.getDateTimeOfMessage().getTime())};
        String[] fields = {"EVN-6", "EVN-2", "MSH-7"};
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null) {
                try {
                    provenance.setOccurred(Hl7Dates.dateTime(candidates[i], context.zone()));
                } catch (ConversionException e) {
                    throw e.at(ErrorLocation.field(fields[i].substring(0, 3), Integer.parseInt(fields[i].substring(4))));
                }
                return;
            }
        }
    }
}
