package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.Objects;

/**
 * One version of a resource as stored. {@code json} carries {@code meta.versionId} and {@code meta.lastUpdated};
 * it is null for a deletion, which is a version of its own.
 */
public record StoredResource(String type, String id, long version, Instant lastUpdated, boolean deleted, String json) {
    public StoredResource {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(lastUpdated, "lastUpdated");
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        if (!deleted && json == null) {
            throw new IllegalArgumentException("a stored resource that is not deleted has a body");
        }
    }

    /** {@code Type/id}, the relative reference to this resource. */
    public String reference() {
        return type + "/" + id;
    }
}
