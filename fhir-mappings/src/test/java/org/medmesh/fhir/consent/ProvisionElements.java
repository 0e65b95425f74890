package org.medmesh.fhir.consent;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.DateTimeType;

/**
 * The mapped elements of a Consent's provision tree as lines of text, written with HAPI getters only (not with the
 * mapper under test), so two Consents can be compared element by element. Actors are listed per role, in order;
 * codings by system and code; instants in UTC.
 */
final class ProvisionElements {

    private ProvisionElements() {}

    static List<String> of(Consent consent) {
        List<String> lines = new ArrayList<>();
        add(consent.getProvision(), "provision", lines);
        return lines;
    }

    private static void add(ProvisionComponent provision, String path, List<String> lines) {
        lines.add(path + ".type=" + provision.getType().toCode());
        if (provision.hasPeriod()) {
            lines.add(path + ".period.start=" + instant(provision.getPeriod().getStartElement()));
            lines.add(path + ".period.end=" + instant(provision.getPeriod().getEndElement()));
        }
        for (String role : List.of("IRCP", "CST")) {
            provision.getActor().stream()
                    .filter(a -> a.getRole().getCodingFirstRep().getCode().equals(role))
                    .forEach(a -> lines.add(path + ".actor=" + system(a.getRole().getCodingFirstRep()) + "|"
                            + a.getReference().getIdentifier().getSystem() + "|"
                            + a.getReference().getIdentifier().getValue()));
        }
        provision.getPurpose().forEach(c -> lines.add(path + ".purpose=" + system(c)));
        provision.getClass_().forEach(c -> lines.add(path + ".class=" + system(c)));
        provision.getSecurityLabel().forEach(c -> lines.add(path + ".securityLabel=" + system(c)));
        for (ProvisionComponent nested : provision.getProvision()) {
            add(nested, path + ".provision", lines);
        }
    }

    private static String system(Coding coding) {
        return coding.getSystem() + "|" + coding.getCode();
    }

    private static String instant(DateTimeType value) {
        return value.hasValue() ? OffsetDateTime.parse(value.getValueAsString()).toInstant().toString() : "open";
    }
}
