package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v25.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v25.message.ORU_R01;
import ca.uhn.hl7v2.model.v25.segment.EVN;
import ca.uhn.hl7v2.model.v25.segment.MSH;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import ca.uhn.hl7v2.model.v25.segment.PID;
import ca.uhn.hl7v2.model.v25.segment.PV1;
import java.time.Instant;
import org.hl7.fhir.r4.model.DiagnosticReport;

/** Message maps (IG "ADT_A01 to Bundle", "ORU_R01 to Bundle"): which segments become which resources, in which order. */
final class MessageMapper {

    private MessageMapper() {}

    static void map(Message message, MessageKind kind, Instant recorded, MessageContext context) {
        try {
            if (kind.isAdt()) {
                adt(message, kind, context);
            } else {
                oru((ORU_R01) message, context);
            }
            EVN evn = hasStructure(message, "EVN") ? (EVN) message.get("EVN") : null;
            ProvenanceMapper.add((MSH) message.get("MSH"), evn == null || evn.isEmpty() ? null : evn, recorded, context);
        } catch (HL7Exception e) {
            throw new ConversionException(RejectReason.UNPARSABLE, "the message structure cannot be read: " + e.getMessage(), null);
        }
    }

    /** ADT: PID (required) updates the Patient, PV1 (required) the Encounter; OBX become Observations. */
    private static void adt(Message message, MessageKind kind, MessageContext context) throws HL7Exception {
        PID pid = required((PID) message.get("PID"));
        PV1 pv1 = required((PV1) message.get("PV1"));
        PatientMapper.map(pid, true, context);
        EncounterMapper.map(pv1, kind.encounterStatus(), true, context);
        Structure[] observations = message.getAll("OBX");
        for (int i = 0; i < observations.length; i++) {
            OBX obx = (OBX) observations[i];
            if (!obx.isEmpty()) {
                ObservationMapper.map(obx, i + 1, null, context);
            }
        }
    }

    /** ORU: one patient (PID required, PV1 optional), then each OBR as a DiagnosticReport with its OBX as results. */
    private static void oru(ORU_R01 message, MessageContext context) throws HL7Exception {
        if (message.getPATIENT_RESULTReps() > 1) {
            throw new ConversionException(RejectReason.UNSUPPORTED_CONTENT,
                    "results for several patients in one message are not accepted: send one ORU per patient",
                    new ErrorLocation("PID", 2, 0, 0));
        }
        ORU_R01_PATIENT_RESULT result = message.getPATIENT_RESULT();
        PatientMapper.map(required(result.getPATIENT().getPID()), false, context);
        PV1 pv1 = result.getPATIENT().getVISIT().getPV1();
        if (!pv1.isEmpty()) {
            EncounterMapper.map(pv1, null, false, context);
        }
        int orders = result.getORDER_OBSERVATIONReps();
        if (orders == 0 || result.getORDER_OBSERVATION(0).getOBR().isEmpty()) {
            throw new ConversionException(RejectReason.MISSING_SEGMENT, "OBR is required in ORU^R01", ErrorLocation.segment("OBR"));
        }
        int obxOccurrence = 0;
        for (int j = 0; j < orders; j++) {
            ORU_R01_ORDER_OBSERVATION order = result.getORDER_OBSERVATION(j);
            DiagnosticReport report = ReportMapper.map(required(order.getOBR()), j + 1, context);
            for (int k = 0; k < order.getOBSERVATIONReps(); k++) {
                OBX obx = order.getOBSERVATION(k).getOBX();
                if (!obx.isEmpty()) {
                    report.addResult(ObservationMapper.map(obx, ++obxOccurrence, report, context));
                }
            }
            ReportMapper.add(report, context);
        }
    }

    private static <S extends Segment> S required(S segment) throws HL7Exception {
        if (segment.isEmpty()) {
            throw new ConversionException(RejectReason.MISSING_SEGMENT,
                    segment.getName() + " is required in this message type", ErrorLocation.segment(segment.getName()));
        }
        return segment;
    }

    private static boolean hasStructure(Message message, String name) {
        for (String n : message.getNames()) {
            if (n.equals(name)) {
                return true;
            }
        }
        return false;
    }
}
