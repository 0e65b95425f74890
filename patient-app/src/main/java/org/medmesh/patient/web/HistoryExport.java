package org.medmesh.patient.web;

import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.medmesh.fhir.Fhir;
import org.medmesh.patient.node.AccessEvent;

/**
 * The access history to take away: a CSV for a spreadsheet, and a FHIR R4 Bundle of AuditEvents — the patient's
 * accounting of disclosures, one AuditEvent per access decision the ledger recorded.
 */
final class HistoryExport {
    static final String DID_SYSTEM = "urn:ietf:rfc:3986";
    private static final String DICOM = "http://dicom.nema.org/resources/ontology/DCM";
    private static final String PURPOSE = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private HistoryExport() {}

    static String csv(List<AccessEvent> events) {
        StringBuilder csv = new StringBuilder("time,requester,holder,purpose,decision,deny_reason,basis,"
                + "break_glass_reason,records,patient_did,event_id,ledger_tx\r\n");
        for (AccessEvent event : events) {
            String basis = event.breakGlass() != null ? "break-glass" : event.consent() != null
                    ? "consent " + event.consent().value() : "";
            csv.append(String.join(",", cell(event.time() == null ? "" : event.time().toString()),
                    cell(event.requester().value()), cell(event.holder().value()), cell(event.purpose()),
                    cell(event.permitted() ? "permitted" : "denied"), cell(event.denyReason()), cell(basis),
                    cell(event.breakGlass() == null ? "" : event.breakGlass().reasonCode()),
                    cell(Integer.toString(event.count())), cell(event.patient().value()), cell(event.eventId()),
                    cell(event.ledgerTx()))).append("\r\n");
        }
        return csv.toString();
    }

    /** RFC 4180 quoting, and a leading apostrophe on what a spreadsheet would read as a formula. */
    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.matches("[^,\"\r\n]*") ? safe : "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    static String fhir(List<AccessEvent> events) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(new Date());
        for (AccessEvent event : events) {
            bundle.addEntry().setFullUrl("urn:medmesh:access:" + event.eventId()).setResource(auditEvent(event));
        }
        return Fhir.context().newJsonParser().setPrettyPrint(true).encodeResourceToString(bundle);
    }

    private static AuditEvent auditEvent(AccessEvent event) {
        AuditEvent audit = new AuditEvent();
        audit.setType(new Coding(DICOM, "110106", "Export"));
        audit.setAction(AuditEvent.AuditEventAction.R);
        if (event.time() != null) {
            audit.setRecorded(Date.from(event.time()));
        }
        audit.setOutcome(event.permitted() ? AuditEvent.AuditEventOutcome._0 : AuditEvent.AuditEventOutcome._4);
        if (!event.permitted()) {
            audit.setOutcomeDesc(event.denyReason());
        }
        CodeableConcept purpose = audit.addPurposeOfEvent();
        purpose.addCoding(new Coding(PURPOSE, event.purpose(), null));
        if (event.breakGlass() != null) {
            audit.addPurposeOfEvent().addCoding(new Coding(PURPOSE, "BTG", "break the glass"))
                    .setText(event.breakGlass().reasonCode());
        }
        audit.addAgent().setRequestor(true).setWho(organisation(event.requester().value()))
                .setType(new CodeableConcept(new Coding(PARTICIPATION, "IRCP", "information recipient")));
        audit.addAgent().setRequestor(false).setWho(organisation(event.holder().value()))
                .setType(new CodeableConcept(new Coding(PARTICIPATION, "CST", "custodian")));
        audit.getSource().setObserver(organisation(event.holder().value()))
                .addType(new Coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                        "Application Server"));
        audit.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setSystem(DID_SYSTEM)
                .setValue(event.patient().value()))).setRole(new Coding(
                        "http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"))
                .addDetail().setType("records").setValue(new org.hl7.fhir.r4.model.StringType(
                        Integer.toString(event.count())));
        if (event.consent() != null) {
            audit.addEntity().setWhat(new Reference().setType("Consent").setIdentifier(new Identifier()
                    .setSystem("urn:medmesh:consent").setValue(event.consent().value())));
        }
        audit.addEntity().setWhat(new Reference().setIdentifier(new Identifier().setSystem("urn:medmesh:ledger:tx")
                .setValue(event.ledgerTx()))).setDescription("the ledger transaction that recorded this access");
        return audit;
    }

    private static Reference organisation(String did) {
        return new Reference().setIdentifier(new Identifier().setSystem(DID_SYSTEM).setValue(did))
                .setDisplay(HospitalNames.of(org.medmesh.chaincode.identity.Did.parse(did)));
    }
}
