package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.v25.datatype.IS;
import ca.uhn.hl7v2.model.v25.segment.OBX;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationStatus;
import org.hl7.fhir.r4.model.Reference;

/** OBX to Observation (v2-to-FHIR IG segment map "OBX[Observation]"); the value by OBX-2 is in {@link ObservationValues}. */
final class ObservationMapper {

    private static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";

    // IG concept map "ObservationResultStatus" (table 0085).
    private static final Map<String, ObservationStatus> STATUSES = Map.of(
            "F", ObservationStatus.FINAL, "C", ObservationStatus.CORRECTED, "P", ObservationStatus.PRELIMINARY,
            "S", ObservationStatus.PRELIMINARY, "R", ObservationStatus.REGISTERED, "I", ObservationStatus.REGISTERED,
            "X", ObservationStatus.CANCELLED, "D", ObservationStatus.ENTEREDINERROR, "W", ObservationStatus.ENTEREDINERROR,
            "U", ObservationStatus.FINAL);

    static final List<FieldRule<OBX, Observation>> TABLE = List.of(
            FieldRule.required(3, "Observation.code", (obx, observation, ctx) ->
                    observation.setCode(DataTypes.concept(obx.getObservationIdentifier()))),
            FieldRule.optional(5, "Observation.value[x]", ObservationValues::map),
            FieldRule.optional(7, "Observation.referenceRange.text", (obx, observation, ctx) ->
                    observation.addReferenceRange().setText(DataTypes.text(obx.getReferencesRange()))),
            FieldRule.optional(8, "Observation.interpretation", (obx, observation, ctx) -> {
                for (IS flag : obx.getAbnormalFlags()) {
                    if (DataTypes.text(flag) != null) {
                        observation.addInterpretation(new CodeableConcept(new Coding(INTERPRETATION, DataTypes.text(flag), null)));
                    }
                }
            }),
            FieldRule.required(11, "Observation.status", (obx, observation, ctx) -> {
                ObservationStatus status = STATUSES.get(DataTypes.text(obx.getObservationResultStatus()));
                if (status == null) {
                    throw ConversionException.invalid("not an observation result status (table 0085)");
                }
                observation.setStatus(status);
            }),
            FieldRule.optional(14, "Observation.effectiveDateTime", (obx, observation, ctx) ->
                    observation.setEffective(Hl7Dates.dateTime(obx.getDateTimeOfTheObservation().getTime().getValue(), ctx.zone()))));

    private ObservationMapper() {}

    /**
     * Maps the {@code occurrence}-th OBX and adds the Observation. Results of an order with a filler number are keyed
     * by it plus the OBX code and sub-id, so a corrected result replaces the first one; others are plain creates.
     *
     * @param report the DiagnosticReport the result belongs to (its OBR-7 is the default time), or null (OBX in ADT)
     */
    static Reference map(OBX obx, int occurrence, DiagnosticReport report, MessageContext context) {
        Observation observation = new Observation().setSubject(context.patient());
        if (context.encounter() != null) {
            observation.setEncounter(context.encounter());
        }
        FieldRule.applyAll(TABLE, obx, occurrence, observation, context);
        Identifier filler = null;
        if (report != null) {
            observation.addCategory(new CodeableConcept(new Coding(
                    "http://terminology.hl7.org/CodeSystem/observation-category", "laboratory", "Laboratory")));
            if (!observation.hasEffective() && report.hasEffective()) {
                observation.setEffective(report.getEffective().copy());
            }
            filler = ReportMapper.fillerNumber(report);
        }
        if (filler == null) {
            return context.bundle().create(observation);
        }
        String subId = DataTypes.text(obx.getObservationSubID());
        Identifier key = new Identifier().setSystem(filler.getSystem()).setValue(filler.getValue() + "-"
                + observation.getCode().getCodingFirstRep().getCode() + (subId == null ? "" : "-" + subId));
        observation.addIdentifier(key);
        return context.bundle().upsert(observation, key);
    }
}
