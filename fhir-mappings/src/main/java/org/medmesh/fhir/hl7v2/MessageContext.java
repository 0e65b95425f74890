package org.medmesh.fhir.hl7v2;

import java.time.ZoneId;
import org.hl7.fhir.r4.model.Reference;

/** What the segment mappers of one message share: settings, the header, the bundle being built, and what is already in it. */
final class MessageContext {

    private final Hl7v2Settings settings;
    private final SourceMessage source;
    private final BundleBuilder bundle;
    private Reference patient;
    private Reference encounter;

    MessageContext(Hl7v2Settings settings, SourceMessage source, BundleBuilder bundle) {
        this.settings = settings;
        this.source = source;
        this.bundle = bundle;
    }

    Hl7v2Settings settings() {
        return settings;
    }

    ZoneId zone() {
        return settings.localZone();
    }

    SourceMessage source() {
        return source;
    }

    BundleBuilder bundle() {
        return bundle;
    }

    /** System for identifiers that name no assigning authority: they are scoped to the sending facility (MSH-4). */
    String senderSystem() {
        return source.sendingFacility().isEmpty() ? null : settings.systemForNamespace(source.sendingFacility());
    }

    Reference patient() {
        return patient;
    }

    void patient(Reference patient) {
        this.patient = patient;
    }

    Reference encounter() {
        return encounter;
    }

    void encounter(Reference encounter) {
        this.encounter = encounter;
    }
}
