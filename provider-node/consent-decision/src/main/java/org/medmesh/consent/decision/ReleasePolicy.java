package org.medmesh.consent.decision;

import java.util.Set;

/**
 * What a permit lets the holder release, decided one resource at a time. A withheld resource is simply left out
 * of the response: the requester is never told that something was withheld.
 */
public interface ReleasePolicy {

    /**
     * Whether one resource may be released.
     *
     * @param resourceType the FHIR resource type name, e.g. {@code Observation}
     * @param securityLabels the codes in the resource's {@code meta.security} (e.g. {@code R}, {@code PSY});
     *        empty for an unlabelled resource
     * @return true to release it, false to withhold it
     */
    boolean releases(String resourceType, Set<String> securityLabels);

    /**
     * Whether one record the holder keeps leaves it: never one it received from another hospital (no
     * re-disclosure, whatever the consent says), otherwise as {@link #releases(String, Set)}.
     */
    default boolean releases(HeldRecord record) {
        return !record.received() && releases(record.type(), record.securityLabels());
    }
}
