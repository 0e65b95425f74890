package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.v25.datatype.XCN;
import ca.uhn.hl7v2.model.v25.segment.PV1;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/** PV1 to Encounter (v2-to-FHIR IG segment map "PV1[Encounter]"), keyed by the visit number PV1-19 when there is one. */
final class EncounterMapper {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    private static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    // IG concept map "PatientClass": v2 table 0004 to v3 ActEncounterCode.
    private static final Map<String, Coding> CLASSES = Map.of(
            "I", new Coding(ACT_CODE, "IMP", "inpatient encounter"),
            "O", new Coding(ACT_CODE, "AMB", "ambulatory"),
            "E", new Coding(ACT_CODE, "EMER", "emergency"),
            "P", new Coding(ACT_CODE, "PRENC", "pre-admission"),
            "B", new Coding(ACT_CODE, "IMP", "inpatient encounter"),
            "R", new Coding(ACT_CODE, "AMB", "ambulatory"));

    static final List<FieldRule<PV1, Encounter>> TABLE = List.of(
            FieldRule.required(2, "Encounter.class", EncounterMapper::patientClass),
            FieldRule.optional(3, "Encounter.location.location.display", (pv1, encounter, ctx) -> {
                var pl = pv1.getAssignedPatientLocation();
                String where = Stream.of(pl.getPointOfCare(), pl.getRoom(), pl.getBed())
                        .map(DataTypes::text).filter(s -> s != null).collect(Collectors.joining(" "));
                encounter.addLocation().setLocation(new Reference().setType("Location").setDisplay(where));
            }),
            FieldRule.optional(7, "Encounter.participant (ATND)", (pv1, e, ctx) -> participants(e, "ATND", pv1.getAttendingDoctor(), ctx)),
            FieldRule.optional(8, "Encounter.participant (REF)", (pv1, e, ctx) -> participants(e, "REF", pv1.getReferringDoctor(), ctx)),
            FieldRule.optional(9, "Encounter.participant (CON)", (pv1, e, ctx) -> participants(e, "CON", pv1.getConsultingDoctor(), ctx)),
            FieldRule.optional(10, "Encounter.serviceType", (pv1, encounter, ctx) ->
                    encounter.setServiceType(DataTypes.tableConcept("0069", DataTypes.text(pv1.getHospitalService())))),
            FieldRule.optional(17, "Encounter.participant (ADM)", (pv1, e, ctx) -> participants(e, "ADM", pv1.getAdmittingDoctor(), ctx)),
            FieldRule.optional(19, "Encounter.identifier", (pv1, encounter, ctx) ->
                    encounter.addIdentifier(DataTypes.identifier(pv1.getVisitNumber(), ctx.senderSystem(), ctx.settings()))),
            FieldRule.optional(36, "Encounter.hospitalization.dischargeDisposition", (pv1, encounter, ctx) ->
                    encounter.getHospitalization().setDischargeDisposition(
                            DataTypes.tableConcept("0112", DataTypes.text(pv1.getDischargeDisposition())))),
            FieldRule.optional(44, "Encounter.period.start", (pv1, encounter, ctx) ->
                    encounter.getPeriod().setStartElement(Hl7Dates.dateTime(pv1.getAdmitDateTime().getTime().getValue(), ctx.zone()))),
            FieldRule.optional(45, "Encounter.period.end", (pv1, encounter, ctx) ->
                    encounter.getPeriod().setEndElement(Hl7Dates.dateTime(pv1.getDischargeDateTime(0).getTime().getValue(), ctx.zone()))));

    private EncounterMapper() {}

    /**
     * Maps PV1 and adds the Encounter: a conditional update on the visit number (so A01 then A03 update one
     * Encounter), or, for an order result that only refers to the visit, a conditional create.
     */
    static Reference map(PV1 pv1, Encounter.EncounterStatus status, boolean updateVisit, MessageContext context) {
        Encounter encounter = new Encounter().setStatus(status).setSubject(context.patient());
        FieldRule.applyAll(TABLE, pv1, 1, encounter, context);
        if (status == null) {
            encounter.setStatus(encounter.getPeriod().hasEnd() ? Encounter.EncounterStatus.FINISHED
                    : Encounter.EncounterStatus.INPROGRESS);
        }
        Reference reference;
        if (!encounter.hasIdentifier() || encounter.getIdentifierFirstRep().getSystem() == null) {
            reference = context.bundle().create(encounter);
        } else {
            Identifier key = encounter.getIdentifierFirstRep();
            reference = updateVisit ? context.bundle().upsert(encounter, key) : context.bundle().createIfAbsent(encounter, key);
        }
        context.encounter(reference);
        return reference;
    }

    private static void patientClass(PV1 pv1, Encounter encounter, MessageContext context) {
        String code = DataTypes.text(pv1.getPatientClass());
        Coding mapped = CLASSES.get(code);
        encounter.setClass_(mapped != null ? mapped.copy() : new Coding(CodeSystems.V2_TABLE + "0004", code, null));
    }

    private static void participants(Encounter encounter, String type, XCN[] doctors, MessageContext context) {
        for (XCN doctor : doctors) {
            if (DataTypes.empty(doctor)) {
                continue;
            }
            encounter.addParticipant()
                    .addType(new CodeableConcept(new Coding(PARTICIPATION, type, null)))
                    .setIndividual(DataTypes.practitioner(doctor, context.senderSystem(), context.settings()));
        }
    }
}
