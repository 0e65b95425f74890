package org.medmesh.node.domain.ledger;

import java.util.Objects;

/** Which page to read: its size (1 to 100) and the bookmark the previous page returned (empty for the first). */
public record PageRequest(int size, String bookmark) {
    public static final int MAX_SIZE = 100;

    public PageRequest {
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE);
        }
        bookmark = Objects.requireNonNullElse(bookmark, "");
    }

    public static PageRequest first(int size) {
        return new PageRequest(size, "");
    }

    public PageRequest next(Page<?> page) {
        return new PageRequest(size, page.bookmark());
    }
}
