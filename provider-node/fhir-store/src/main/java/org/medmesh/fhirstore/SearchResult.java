package org.medmesh.fhirstore;

import java.util.List;
import java.util.Objects;

/** One page of matches and how many match in all. */
public record SearchResult(List<StoredResource> page, int total) {
    public SearchResult {
        page = List.copyOf(Objects.requireNonNull(page, "page"));
        if (total < page.size()) {
            throw new IllegalArgumentException("total cannot be smaller than the page");
        }
    }
}
