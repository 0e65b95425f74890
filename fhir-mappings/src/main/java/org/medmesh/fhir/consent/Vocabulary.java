package org.medmesh.fhir.consent;

import static org.medmesh.fhir.consent.ConsentMappingException.invalid;
import static org.medmesh.fhir.consent.ConsentMappingException.notSupported;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.fhir.Fhir;

/**
 * The codings of a provision and the ledger codes they stand for. A coding is read by system and code only
 * (display, version and userSelected say nothing about what is permitted); a system or code outside the ledger's
 * vocabularies is refused, never dropped.
 */
final class Vocabulary {

    /** The role an actor plays in a provision. */
    enum Role { GRANTEE, HOLDER }

    private static final Set<String> RESOURCE_TYPES = Fhir.context().getResourceTypes();
    private static final String PURPOSES = names(PurposeOfUse.values());
    private static final String LABELS = names(SecurityLabel.values());

    private Vocabulary() {}

    static Coding purpose(PurposeOfUse purpose) {
        return new Coding(ConsentCodes.ACT_REASON, purpose.name(), null);
    }

    static PurposeOfUse purpose(Coding coding, String path) {
        requireSystem(coding, path, ConsentCodes.ACT_REASON, "purposes must be v3-ActReason codes");
        for (PurposeOfUse purpose : PurposeOfUse.values()) {
            if (purpose.name().equals(coding.getCode())) {
                return purpose;
            }
        }
        throw notSupported(path + ".code", "is not a purpose of use the ledger keeps (" + PURPOSES + ")");
    }

    static Coding label(SecurityLabel label) {
        return new Coding(systemOf(label), label.name(), null);
    }

    static SecurityLabel label(Coding coding, String path) {
        requireCoded(coding, path);
        String system = coding.getSystem();
        if (!ConsentCodes.ACT_CODE.equals(system) && !ConsentCodes.CONFIDENTIALITY.equals(system)) {
            throw notSupported(path + ".system", "security labels must be v3-ActCode sensitivity or "
                    + "v3-Confidentiality codes, the systems the sensitivity labeler writes");
        }
        for (SecurityLabel label : SecurityLabel.values()) {
            if (label.name().equals(coding.getCode()) && systemOf(label).equals(system)) {
                return label;
            }
        }
        throw notSupported(path + ".code", "is not a security label the ledger keeps in this system (" + LABELS
                + "; L, M, N, R, V are v3-Confidentiality, the others v3-ActCode)");
    }

    static Coding resourceClass(String type) {
        return new Coding(ConsentCodes.RESOURCE_TYPES, type, null);
    }

    static String resourceClass(Coding coding, String path) {
        requireSystem(coding, path, ConsentCodes.RESOURCE_TYPES, "classes must be FHIR resource types");
        if (!RESOURCE_TYPES.contains(coding.getCode())) {
            throw notSupported(path + ".code", "is not an R4 resource type");
        }
        return coding.getCode();
    }

    static CodeableConcept role(Role role) {
        String code = role == Role.GRANTEE ? ConsentCodes.INFORMATION_RECIPIENT : ConsentCodes.CUSTODIAN;
        return new CodeableConcept(new Coding(ConsentCodes.PARTICIPATION_TYPE, code, null));
    }

    static Role role(CodeableConcept role, String path) {
        if (role == null || !role.hasCoding()) {
            throw invalid(path, "is required: v3-ParticipationType IRCP (grantee) or CST (holder)");
        }
        if (role.getCoding().size() != 1) {
            throw notSupported(path + ".coding", "must hold exactly one coding, IRCP (grantee) or CST (holder)");
        }
        Coding coding = role.getCodingFirstRep();
        String codingPath = path + ".coding[0]";
        requireSystem(coding, codingPath, ConsentCodes.PARTICIPATION_TYPE, "actor roles must be v3-ParticipationType");
        return switch (coding.getCode()) {
            case ConsentCodes.INFORMATION_RECIPIENT -> Role.GRANTEE;
            case ConsentCodes.CUSTODIAN -> Role.HOLDER;
            default -> throw notSupported(codingPath + ".code",
                    "only IRCP (information recipient: grantee) and CST (custodian: holder) are kept on the ledger");
        };
    }

    /**
     * A MedMesh exchange is a collection: the recipient retrieves the records and keeps them. So an action list must
     * say {@code collect} (with or without {@code access}); {@code access} alone (retrieval without keeping), and
     * use, disclose or correct, are refused.
     */
    static void requireExchange(List<CodeableConcept> actions, String path) {
        boolean collect = false;
        for (int i = 0; i < actions.size(); i++) {
            String actionPath = path + "[" + i + "]";
            CodeableConcept action = actions.get(i);
            if (action.getCoding().size() != 1) {
                throw notSupported(actionPath, "must hold exactly one consentaction coding");
            }
            Coding coding = action.getCodingFirstRep();
            requireSystem(coding, actionPath + ".coding[0]", ConsentCodes.CONSENT_ACTION,
                    "actions must be consentaction codes");
            switch (coding.getCode()) {
                case "collect" -> collect = true;
                case "access" -> { }
                default -> throw notSupported(actionPath + ".coding[0].code",
                        "the ledger keeps one action, the exchange: collect (and access)");
            }
        }
        if (!collect) {
            throw notSupported(path, "access alone does not let the recipient keep the records, which every "
                    + "MedMesh exchange does: name collect, or leave action out");
        }
    }

    private static String systemOf(SecurityLabel label) {
        return switch (label) {
            case L, M, N, R, V -> ConsentCodes.CONFIDENTIALITY;
            case BH, ETH, GDIS, HIV, MST, PSY, SCA, SDV, SEX, STD, SUD, TBOO -> ConsentCodes.ACT_CODE;
        };
    }

    private static void requireSystem(Coding coding, String path, String system, String rule) {
        requireCoded(coding, path);
        if (!system.equals(coding.getSystem())) {
            throw notSupported(path + ".system", rule + " (system " + system + ")");
        }
    }

    private static void requireCoded(Coding coding, String path) {
        if (!coding.hasSystem()) {
            throw invalid(path + ".system", "is required");
        }
        if (!coding.hasCode()) {
            throw invalid(path + ".code", "is required");
        }
    }

    private static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }
}
