package org.medmesh.node.application.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medmesh.node.domain.identity.ResolvedDid;

/**
 * Resolved ledger DIDs, least recently used first out, each kept at most {@code maxAge}. A DID event evicts
 * older versions; and because a resolution may read the ledger before an event and store after it, a store is
 * dropped if any DID event arrived while it was being read ({@link #ticket}). So once an event has been handled,
 * no document older than it can be served — only re-read.
 */
final class DidCache {
    private final int capacity;
    private final Duration maxAge;
    private final Map<String, Entry> entries;
    private long events;

    private record Entry(ResolvedDid did, Instant storedAt) {}

    DidCache(int capacity, Duration maxAge) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacity;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > DidCache.this.capacity;
            }
        };
    }

    synchronized Optional<ResolvedDid> get(String did, Instant now) {
        Entry entry = entries.get(did);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.storedAt().plus(maxAge).isBefore(now)) {
            entries.remove(did);
            return Optional.empty();
        }
        return Optional.of(entry.did());
    }

    /** Taken before reading the ledger; {@link #put} with it stores only if no DID event arrived meanwhile. */
    synchronized long ticket() {
        return events;
    }

    synchronized void put(ResolvedDid resolved, long ticket, Instant now) {
        if (ticket == events) {
            entries.put(resolved.did(), new Entry(resolved, now));
        }
    }

    /** A DID event: {@code did} is now at {@code version}; older copies go. */
    synchronized void invalidate(String did, long version) {
        events++;
        Entry entry = entries.get(did);
        if (entry != null && entry.did().version() < version) {
            entries.remove(did);
        }
    }

    /** An event that could not be read: forget everything rather than risk serving a stale key. */
    synchronized void clear() {
        events++;
        entries.clear();
    }

    synchronized int size() {
        return entries.size();
    }
}
