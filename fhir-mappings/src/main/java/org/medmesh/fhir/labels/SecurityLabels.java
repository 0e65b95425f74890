package org.medmesh.fhir.labels;

import java.util.Map;
import org.hl7.fhir.r4.model.Coding;

/** The code systems and codes of the labels this package writes. */
public final class SecurityLabels {

    /** Sensitivity categories (HIV, PSY, ETH, SUD, SDV, SEX…). */
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    /** Confidentiality levels (U, L, M, N, R, V). */
    public static final String CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** Restricted: the level every record with a sensitivity label gets. */
    public static final String RESTRICTED = "R";

    private static final Map<String, String> ACT_CODE_DISPLAYS = Map.of(
            "HIV", "HIV/AIDS information sensitivity",
            "PSY", "psychiatry disorder information sensitivity",
            "ETH", "substance abuse information sensitivity",
            "SUD", "substance use disorder information sensitivity",
            "SDV", "sexual assault, abuse, or domestic violence information sensitivity",
            "SEX", "sexuality and reproductive health information sensitivity",
            "MH", "mental health information sensitivity");

    // Confidentiality codes in increasing order of protection.
    private static final String LEVELS = "ULMNRV";

    private SecurityLabels() {}

    /** The v3-ActCode coding of a sensitivity label, with its display when the code is one we know. */
    public static Coding sensitivity(String code) {
        Coding coding = new Coding(ACT_CODE, code, null);
        String display = ACT_CODE_DISPLAYS.get(code);
        if (display != null) {
            coding.setDisplay(display);
        }
        return coding;
    }

    /** The confidentiality coding {@code R} (restricted). */
    public static Coding restricted() {
        return new Coding(CONFIDENTIALITY, RESTRICTED, "restricted");
    }

    /** Whether a confidentiality code is at least as protective as {@code R} ({@code R} or {@code V}). */
    static boolean atLeastRestricted(String confidentialityCode) {
        return confidentialityCode != null
                && confidentialityCode.length() == 1
                && LEVELS.indexOf(confidentialityCode) >= LEVELS.indexOf(RESTRICTED);
    }
}
