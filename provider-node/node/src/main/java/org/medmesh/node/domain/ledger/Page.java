package org.medmesh.node.domain.ledger;

import java.util.List;
import java.util.Objects;

/** One page of results and the bookmark for the next page (empty when this is the last). */
public record Page<T>(List<T> items, String bookmark) {
    public Page {
        items = List.copyOf(items);
        bookmark = Objects.requireNonNullElse(bookmark, "");
    }

    public boolean hasMore() {
        return !bookmark.isEmpty();
    }
}
