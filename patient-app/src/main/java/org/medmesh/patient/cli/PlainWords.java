package org.medmesh.patient.cli;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.medmesh.chaincode.accesslog.BreakGlassReason;
import org.medmesh.chaincode.accesslog.DenyReason;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentPreview;

/**
 * Consent choices, access records and kinds of records in words a patient reads: hospitals by name, purposes,
 * sensitive categories, refusals and emergencies spelled out.
 */
public final class PlainWords {

    /** A kind of FHIR resource in words: one, many, and what it usually is (or null). */
    private record Kind(String one, String many, String examples) {}

    /** FHIR type names, which a node's text must look like before it is printed as one. */
    private static final String TYPE_NAME = "[A-Z][A-Za-z]{1,63}";

    private static final Map<PurposeOfUse, String> PURPOSES = Map.ofEntries(
            Map.entry(PurposeOfUse.TREAT, "treatment"),
            Map.entry(PurposeOfUse.ETREAT, "emergency treatment"),
            Map.entry(PurposeOfUse.HPAYMT, "payment"),
            Map.entry(PurposeOfUse.HOPERAT, "healthcare operations"),
            Map.entry(PurposeOfUse.HRESCH, "research"),
            Map.entry(PurposeOfUse.PATRQT, "your own requests"),
            Map.entry(PurposeOfUse.HMARKT, "marketing"),
            Map.entry(PurposeOfUse.HDIRECT, "directories"),
            Map.entry(PurposeOfUse.PUBHLTH, "public health"),
            Map.entry(PurposeOfUse.HSYSADMIN, "system administration"),
            Map.entry(PurposeOfUse.CAREMGT, "care management"));

    private static final Map<SecurityLabel, String> LABELS = Map.ofEntries(
            Map.entry(SecurityLabel.L, "low-confidentiality records"),
            Map.entry(SecurityLabel.M, "moderate-confidentiality records"),
            Map.entry(SecurityLabel.N, "normal-confidentiality records"),
            Map.entry(SecurityLabel.R, "restricted records"),
            Map.entry(SecurityLabel.V, "very restricted records"),
            Map.entry(SecurityLabel.BH, "behavioural health"),
            Map.entry(SecurityLabel.ETH, "substance use"),
            Map.entry(SecurityLabel.GDIS, "genetic disease"),
            Map.entry(SecurityLabel.HIV, "HIV/AIDS"),
            Map.entry(SecurityLabel.MST, "military sexual trauma"),
            Map.entry(SecurityLabel.PSY, "mental health"),
            Map.entry(SecurityLabel.SCA, "sickle cell"),
            Map.entry(SecurityLabel.SDV, "sexual assault, abuse or domestic violence"),
            Map.entry(SecurityLabel.SEX, "sexual and reproductive health"),
            Map.entry(SecurityLabel.STD, "sexually transmitted disease"),
            Map.entry(SecurityLabel.SUD, "substance use disorder"),
            Map.entry(SecurityLabel.TBOO, "taboo topics"));

    private static final Map<DenyReason, String> DENIALS = Map.ofEntries(
            Map.entry(DenyReason.NO_CONSENT, "no consent of yours allows it"),
            Map.entry(DenyReason.CONSENT_REVOKED, "you revoked the consent that allowed it"),
            Map.entry(DenyReason.CONSENT_EXPIRED, "the consent that allowed it has ended"),
            Map.entry(DenyReason.PURPOSE_NOT_PERMITTED, "your consent does not allow this purpose"),
            Map.entry(DenyReason.CLASS_NOT_PERMITTED, "your consent does not allow the kinds of records asked for"),
            Map.entry(DenyReason.REQUESTER_NOT_PERMITTED, "your consent does not name this hospital"),
            Map.entry(DenyReason.PATIENT_UNKNOWN, "you are not enrolled at the hospital asked"),
            Map.entry(DenyReason.OTHER, "another reason, such as a consent not yet valid"));

    private static final Map<BreakGlassReason, String> EMERGENCIES = Map.ofEntries(
            Map.entry(BreakGlassReason.UNCONSCIOUS, "you could not consent (unconscious or incapacitated)"),
            Map.entry(BreakGlassReason.LIFE_THREATENING, "waiting would have put your life at risk"),
            Map.entry(BreakGlassReason.OTHER, "another emergency, which the clinician described in writing"));

    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("Patient", new Kind("patient record", "patient records", "your personal details")),
            Map.entry("Observation", new Kind("observation", "observations", "test results, vital signs")),
            Map.entry("Condition", new Kind("condition", "conditions", "diagnoses, health problems")),
            Map.entry("Encounter", new Kind("encounter", "encounters", "visits")),
            Map.entry("MedicationRequest", new Kind("medication request", "medication requests", "prescriptions")),
            Map.entry("MedicationStatement",
                    new Kind("medication statement", "medication statements", "medicines you take")),
            Map.entry("MedicationAdministration",
                    new Kind("medication administration", "medication administrations", "medicines given to you")),
            Map.entry("MedicationDispense",
                    new Kind("medication dispense", "medication dispenses", "medicines handed out")),
            Map.entry("Medication", new Kind("medication", "medications", null)),
            Map.entry("Immunization", new Kind("immunization", "immunizations", "vaccinations")),
            Map.entry("Procedure", new Kind("procedure", "procedures", "operations, treatments")),
            Map.entry("AllergyIntolerance", new Kind("allergy or intolerance", "allergies and intolerances", null)),
            Map.entry("DiagnosticReport", new Kind("diagnostic report", "diagnostic reports",
                    "lab and imaging reports")),
            Map.entry("DocumentReference", new Kind("document", "documents", "letters, notes")),
            Map.entry("ImagingStudy", new Kind("imaging study", "imaging studies", "scans, X-rays")),
            Map.entry("CarePlan", new Kind("care plan", "care plans", null)),
            Map.entry("CareTeam", new Kind("care team", "care teams", "the people looking after you")),
            Map.entry("Goal", new Kind("care goal", "care goals", null)),
            Map.entry("ServiceRequest", new Kind("service request", "service requests", "referrals, orders")),
            Map.entry("Device", new Kind("device", "devices", "implants, equipment")),
            Map.entry("FamilyMemberHistory", new Kind("family history record", "family history records", null)),
            Map.entry("Claim", new Kind("claim", "claims", "billing")),
            Map.entry("ExplanationOfBenefit", new Kind("explanation of benefit", "explanations of benefit",
                    "what insurance paid")),
            Map.entry("Coverage", new Kind("insurance record", "insurance records", null)),
            Map.entry("Provenance", new Kind("provenance record", "provenance records", "where records came from")),
            Map.entry("Consent", new Kind("consent", "consents", null)),
            Map.entry("Practitioner", new Kind("practitioner", "practitioners", "clinicians")),
            Map.entry("Organization", new Kind("organisation", "organisations", "hospitals, clinics")),
            Map.entry("Location", new Kind("location", "locations", null)));

    private PlainWords() {}

    /** A hospital by its MSP name; its full organisation DID with {@code --details}. */
    public static String hospital(Did did, boolean details) {
        return details || !did.isOrganization() ? did.value() : did.mspId();
    }

    static String hospitals(List<Did> dids, boolean details) {
        return dids.stream().map(d -> hospital(d, details)).collect(Collectors.joining(", "));
    }

    /** E.g. "shares all records held by CityMSP with RiverMSP for treatment, withholding mental health (PSY)". */
    public static String describe(ConsentChoices choices, boolean details) {
        StringBuilder text = new StringBuilder("shares ");
        text.append(choices.resourceClasses().isEmpty() ? "all records"
                : String.join(", ", choices.resourceClasses()) + " records");
        text.append(" held by ").append(hospital(choices.holder(), details));
        text.append(" with ").append(hospitals(choices.grantees(), details));
        text.append(" for ").append(choices.purposes().stream().map(PURPOSES::get).collect(Collectors.joining(", ")));
        if (!choices.withheld().isEmpty()) {
            text.append(", withholding ").append(choices.withheld().stream()
                    .map(l -> LABELS.get(l) + " (" + l.name() + ")").collect(Collectors.joining(", ")));
        }
        if (choices.from() != null) {
            text.append(", from ").append(instant(choices.from()));
        }
        if (choices.until() != null) {
            text.append(", until ").append(instant(choices.until()));
        }
        return text.toString();
    }

    /** A purpose-of-use code as the ledger records it: TREAT is "treatment"; an unknown code is named as it is. */
    public static String purpose(String code) {
        return known(PurposeOfUse.class, code).map(PURPOSES::get).orElse("purpose " + code);
    }

    /** Why a request was refused, from the ledger's coarse code. */
    public static String denial(String code) {
        if (code == null) {
            return "no reason recorded";
        }
        return known(DenyReason.class, code).map(DENIALS::get).orElse("reason " + code);
    }

    /** Why a clinician broke the glass, from the coded reason on the ledger. */
    public static String emergency(String code) {
        return known(BreakGlassReason.class, code).map(EMERGENCIES::get).orElse("reason " + code);
    }

    public static String records(int count) {
        return count == 1 ? "1 record" : count + " records";
    }

    /** A count with thousands separated: 1,684. */
    static String count(long count) {
        return String.format(Locale.ENGLISH, "%,d", count);
    }

    /**
     * How many resources of one FHIR type, e.g. "412 observations (test results, vital signs)"; a type without words
     * here by its name ("3 SupplyDelivery records"), and a type that is not a FHIR type name not at all.
     */
    public static String kind(String type, int count) {
        Kind kind = KINDS.get(type);
        if (kind != null) {
            return count(count) + " " + (count == 1 ? kind.one() : kind.many())
                    + (kind.examples() == null ? "" : " (" + kind.examples() + ")");
        }
        String records = count == 1 ? " record" : " records";
        return type.matches(TYPE_NAME) ? count(count) + " " + type + records
                : count(count) + records + " of a kind the hospital did not name";
    }

    /** A kind of record for a list of choices: "Observations (test results, vital signs)"; a type without words as it is. */
    public static String kindName(String type) {
        Kind kind = KINDS.get(type);
        if (kind == null) {
            return type;
        }
        String many = Character.toUpperCase(kind.many().charAt(0)) + kind.many().substring(1);
        return many + (kind.examples() == null ? "" : " (" + kind.examples() + ")");
    }

    /** A kind of record in the plural, in words: "observations"; a type without words as it is. */
    public static String kindPlural(String type) {
        Kind kind = KINDS.get(type);
        return kind == null ? type + " records" : kind.many();
    }

    /** A purpose of use in words: "treatment". */
    public static String purpose(PurposeOfUse purpose) {
        return PURPOSES.get(purpose);
    }

    /**
     * Records a consent would keep back, and why, e.g. "1 record marked mental health (kept private)".
     *
     * @param categories the withheld categories the kept-back sensitive records carry
     * @param holder the holder's name
     */
    public static String withheld(ConsentPreview.Withheld reason, int count, Collection<String> categories,
            String holder) {
        return records(count) + " " + switch (reason) {
            case RECEIVED -> holder + " received from other hospitals (never passed on)";
            case KIND_NOT_CHOSEN -> "of kinds you did not choose";
            case SENSITIVE -> "marked " + labels(categories) + " (kept private)";
            case OTHER_CONSENT -> "kept private by another of your consents";
        };
    }

    /** Security label codes in words, e.g. "mental health, HIV/AIDS"; a code without words as it is. */
    public static String labels(Collection<String> codes) {
        return codes.stream().map(code -> known(SecurityLabel.class, code).map(LABELS::get).orElse(code))
                .collect(Collectors.joining(", "));
    }

    private static <E extends Enum<E>> Optional<E> known(Class<E> vocabulary, String code) {
        return Arrays.stream(vocabulary.getEnumConstants()).filter(c -> c.name().equals(code)).findFirst();
    }

    public static String instant(Instant instant) {
        return instant.toString();
    }
}
