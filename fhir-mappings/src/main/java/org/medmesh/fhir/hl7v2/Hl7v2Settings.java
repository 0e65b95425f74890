package org.medmesh.fhir.hl7v2;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * What a converter needs to know about its senders.
 *
 * @param localZone the zone of times sent without an offset (HL7 v2 senders usually send local time)
 * @param authoritySystems FHIR identifier systems for assigning-authority namespace ids (CX-4.1, EI-2, HD-1) that
 *     come without a universal id, e.g. {@code "HOSP" -> "urn:oid:1.2.3.4"}
 * @param fallbackSystemPrefix the system of an unlisted namespace id is this prefix followed by the id
 */
public record Hl7v2Settings(ZoneId localZone, Map<String, String> authoritySystems, String fallbackSystemPrefix) {

    /** Prefix used when no system is configured for a namespace id. */
    public static final String DEFAULT_SYSTEM_PREFIX = "urn:medmesh:hl7v2:authority:";

    public Hl7v2Settings {
        Objects.requireNonNull(localZone, "localZone");
        authoritySystems = Map.copyOf(Objects.requireNonNull(authoritySystems, "authoritySystems"));
        Objects.requireNonNull(fallbackSystemPrefix, "fallbackSystemPrefix");
    }

    /** Senders in {@code localZone}, no configured namespace systems. */
    public static Hl7v2Settings inZone(ZoneId localZone) {
        return new Hl7v2Settings(localZone, Map.of(), DEFAULT_SYSTEM_PREFIX);
    }

    /** The identifier system for a namespace id. */
    String systemForNamespace(String namespaceId) {
        return authoritySystems.getOrDefault(namespaceId, fallbackSystemPrefix + namespaceId);
    }
}
