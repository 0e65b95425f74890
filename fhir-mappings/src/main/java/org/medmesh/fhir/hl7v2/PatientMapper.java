package org.medmesh.fhir.hl7v2;

import ca.uhn.hl7v2.model.v25.datatype.CX;
import ca.uhn.hl7v2.model.v25.datatype.XAD;
import ca.uhn.hl7v2.model.v25.datatype.XPN;
import ca.uhn.hl7v2.model.v25.datatype.XTN;
import ca.uhn.hl7v2.model.v25.segment.PID;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ContactPoint.ContactPointUse;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;

/** PID to Patient (v2-to-FHIR IG segment map "PID[Patient]"), keyed by the PID-3 identifier. */
final class PatientMapper {

    private static final Map<String, AdministrativeGender> GENDERS = Map.of(
            "F", AdministrativeGender.FEMALE, "M", AdministrativeGender.MALE,
            "O", AdministrativeGender.OTHER, "A", AdministrativeGender.OTHER,
            "N", AdministrativeGender.OTHER, "U", AdministrativeGender.UNKNOWN);

    static final List<FieldRule<PID, Patient>> TABLE = List.of(
            FieldRule.required(3, "Patient.identifier", PatientMapper::identifiers),
            FieldRule.optional(5, "Patient.name", (pid, patient, ctx) -> {
                for (XPN xpn : pid.getPatientName()) {
                    patient.addName(DataTypes.name(xpn));
                }
            }),
            FieldRule.optional(7, "Patient.birthDate", (pid, patient, ctx) ->
                    patient.setBirthDateElement(Hl7Dates.date(pid.getDateTimeOfBirth().getTime().getValue(), ctx.zone()))),
            FieldRule.optional(8, "Patient.gender", PatientMapper::gender),
            FieldRule.optional(11, "Patient.address", (pid, patient, ctx) -> {
                for (XAD xad : pid.getPatientAddress()) {
                    patient.addAddress(DataTypes.address(xad));
                }
            }),
            FieldRule.optional(13, "Patient.telecom (home)", (pid, patient, ctx) -> {
                for (XTN xtn : pid.getPhoneNumberHome()) {
                    patient.addTelecom(DataTypes.contact(xtn, ContactPointUse.HOME));
                }
            }),
            FieldRule.optional(14, "Patient.telecom (work)", (pid, patient, ctx) -> {
                for (XTN xtn : pid.getPhoneNumberBusiness()) {
                    patient.addTelecom(DataTypes.contact(xtn, ContactPointUse.WORK));
                }
            }),
            FieldRule.optional(30, "Patient.deceasedBoolean", (pid, patient, ctx) ->
                    patient.setDeceased(new BooleanType("Y".equals(DataTypes.text(pid.getPatientDeathIndicator()))))),
            FieldRule.optional(29, "Patient.deceasedDateTime", (pid, patient, ctx) ->
                    patient.setDeceased(Hl7Dates.dateTime(pid.getPatientDeathDateAndTime().getTime().getValue(), ctx.zone()))));

    private PatientMapper() {}

    /**
     * Maps PID and adds the Patient to the bundle: as a conditional update when the message is about the patient
     * (ADT), as a conditional create when it only refers to them (ORU), so results never overwrite demographics.
     */
    static Reference map(PID pid, boolean updateDemographics, MessageContext context) {
        Patient patient = new Patient();
        FieldRule.applyAll(TABLE, pid, 1, patient, context);
        Identifier key = key(patient);
        Reference reference = updateDemographics
                ? context.bundle().upsert(patient, key)
                : context.bundle().createIfAbsent(patient, key);
        context.patient(reference);
        return reference;
    }

    private static void identifiers(PID pid, Patient patient, MessageContext context) {
        for (CX cx : pid.getPatientIdentifierList()) {
            if (DataTypes.text(cx.getIDNumber()) == null) {
                continue;
            }
            Identifier identifier = DataTypes.identifier(cx, context.senderSystem(), context.settings());
            if (identifier.getSystem() == null) {
                throw new ConversionException(RejectReason.MISSING_FIELD,
                        "PID-3 names no assigning authority (PID-3.4) and MSH-4 no sending facility",
                        new ErrorLocation("PID", 1, 3, 4));
            }
            patient.addIdentifier(identifier);
        }
        if (!patient.hasIdentifier()) {
            throw new ConversionException(RejectReason.MISSING_FIELD, "PID-3 has no ID number (PID-3.1)",
                    new ErrorLocation("PID", 1, 3, 1));
        }
    }

    /** The identifier that finds the patient again: the medical record number (type MR) if any, else the first. */
    private static Identifier key(Patient patient) {
        return patient.getIdentifier().stream()
                .filter(i -> i.getType().getCoding().stream().anyMatch(c -> "MR".equals(c.getCode())))
                .findFirst()
                .orElse(patient.getIdentifierFirstRep());
    }

    private static void gender(PID pid, Patient patient, MessageContext context) {
        String code = DataTypes.text(pid.getAdministrativeSex());
        AdministrativeGender gender = GENDERS.get(code);
        if (gender == null) {
            throw ConversionException.invalid("not an administrative sex (table 0001)");
        }
        patient.setGender(gender);
    }
}
