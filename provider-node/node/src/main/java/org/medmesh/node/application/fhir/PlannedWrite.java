package org.medmesh.node.application.fhir;

/**
 * A create or update whose target {@code Type/id} is decided. {@code sameAs} is the slot of an earlier entry of
 * the bundle with the same conditional create, whose response this one repeats; {@code found} is a conditional
 * create that matched a stored resource. Neither is written.
 */
record PlannedWrite(BundleEntryRequest entry, String id, Long ifMatch, Integer sameAs, boolean found) {
    boolean needsWriting() {
        return sameAs == null && !found;
    }

    String target() {
        return entry.type() + "/" + id;
    }
}
