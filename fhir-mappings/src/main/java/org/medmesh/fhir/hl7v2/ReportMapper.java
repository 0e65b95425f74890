package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.v25.segment.OBR;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DiagnosticReport.DiagnosticReportStatus;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;

/** OBR to DiagnosticReport (v2-to-FHIR IG segment map "OBR[DiagnosticReport]"), keyed by the filler order number OBR-3. */
final class ReportMapper {

    // IG concept map "ResultStatus" (table 0123).
    private static final Map<String, DiagnosticReportStatus> STATUSES = Map.of(
            "O", DiagnosticReportStatus.REGISTERED, "I", DiagnosticReportStatus.REGISTERED,
            "S", DiagnosticReportStatus.REGISTERED, "A", DiagnosticReportStatus.PARTIAL,
            "P", DiagnosticReportStatus.PRELIMINARY, "C", DiagnosticReportStatus.CORRECTED,
            "R", DiagnosticReportStatus.PARTIAL, "F", DiagnosticReportStatus.FINAL,
            "X", DiagnosticReportStatus.CANCELLED);

    static final List<FieldRule<OBR, DiagnosticReport>> TABLE = List.of(
            FieldRule.optional(2, "DiagnosticReport.identifier (PLAC)", (obr, report, ctx) ->
                    report.addIdentifier(typed(DataTypes.identifier(obr.getPlacerOrderNumber(), ctx.senderSystem(), ctx.settings()), "PLAC"))),
            FieldRule.optional(3, "DiagnosticReport.identifier (FILL)", (obr, report, ctx) ->
                    report.addIdentifier(typed(DataTypes.identifier(obr.getFillerOrderNumber(), ctx.senderSystem(), ctx.settings()), "FILL"))),
            FieldRule.required(4, "DiagnosticReport.code", (obr, report, ctx) ->
                    report.setCode(DataTypes.concept(obr.getUniversalServiceIdentifier()))),
            FieldRule.optional(7, "DiagnosticReport.effectiveDateTime", (obr, report, ctx) ->
                    report.setEffective(Hl7Dates.dateTime(obr.getObservationDateTime().getTime().getValue(), ctx.zone()))),
            FieldRule.optional(22, "DiagnosticReport.issued", (obr, report, ctx) ->
                    report.setIssuedElement(new InstantType(Hl7Dates.dateTime(
                            obr.getResultsRptStatusChngDateTime().getTime().getValue(), ctx.zone()).getValue()))),
            FieldRule.optional(24, "DiagnosticReport.category", (obr, report, ctx) ->
                    report.addCategory(DataTypes.tableConcept("0074", DataTypes.text(obr.getDiagnosticServSectID())))),
            FieldRule.optional(25, "DiagnosticReport.status", (obr, report, ctx) -> {
                DiagnosticReportStatus status = STATUSES.get(DataTypes.text(obr.getResultStatus()));
                if (status == null) {
                    throw ConversionException.invalid("not a result status (table 0123)");
                }
                report.setStatus(status);
            }));

    private ReportMapper() {}

    /** Maps one OBR (the {@code occurrence}-th); the report's observations are added to it by the caller. */
    static DiagnosticReport map(OBR obr, int occurrence, MessageContext context) {
        DiagnosticReport report = new DiagnosticReport()
                .setStatus(DiagnosticReportStatus.UNKNOWN)
                .setSubject(context.patient());
        if (context.encounter() != null) {
            report.setEncounter(context.encounter());
        }
        FieldRule.applyAll(TABLE, obr, occurrence, report, context);
        return report;
    }

    /** Adds the report: a conditional update on its filler order number when it has one, a plain create otherwise. */
    static Reference add(DiagnosticReport report, MessageContext context) {
        Identifier filler = fillerNumber(report);
        return filler == null ? context.bundle().create(report) : context.bundle().upsert(report, filler);
    }

    /** The filler order number (OBR-3), which names the results for good; null if the sender gave none. */
    static Identifier fillerNumber(DiagnosticReport report) {
        return report.getIdentifier().stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> "FILL".equals(c.getCode())))
                .filter(i -> i.getSystem() != null)
                .findFirst().orElse(null);
    }

    private static Identifier typed(Identifier identifier, String type) {
        return identifier.setType(new CodeableConcept(new Coding(CodeSystems.V2_TABLE + "0203", type, null)));
    }
}
