package org.medmesh.node.application.exchange;

import java.util.Optional;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.consent.decision.HeldRecord;

/**
 * The tag of origin an imported resource carries in {@code meta.tag}: system {@value #SYSTEM}, code the DID of the
 * hospital it came from. A resource so tagged is never released to another hospital (no re-disclosure).
 */
public final class OriginTag {
    public static final String SYSTEM = HeldRecord.ORIGIN_TAG_SYSTEM;

    private OriginTag() {
    }

    public static Optional<String> of(Resource resource) {
        return resource.getMeta().getTag().stream().filter(t -> SYSTEM.equals(t.getSystem()))
                .map(Coding::getCode).findFirst();
    }

    static void set(Resource resource, String holderDid, String holderName) {
        resource.getMeta().getTag().removeIf(t -> SYSTEM.equals(t.getSystem()));
        resource.getMeta().addTag(SYSTEM, holderDid, "Received from " + holderName);
    }
}
