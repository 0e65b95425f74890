package org.medmesh.node.application.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medmesh.node.domain.identity.ResolvedDid;

class DidCacheTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");
    private final DidCache cache = new DidCache(3, Duration.ofMinutes(10));

    @Test
    void serves_what_it_stored() {
        cache.put(did("did:medmesh:org:A", 1), cache.ticket(), NOW);

        assertThat(cache.get("did:medmesh:org:A", NOW)).contains(did("did:medmesh:org:A", 1));
    }

    @Test
    void drops_a_read_that_an_event_overtook() {
        long ticket = cache.ticket();
        cache.invalidate("did:medmesh:org:A", 2);

        cache.put(did("did:medmesh:org:A", 1), ticket, NOW);

        assertThat(cache.get("did:medmesh:org:A", NOW)).isEmpty();
    }

    @Test
    void evicts_a_version_older_than_the_event() {
        cache.put(did("did:medmesh:org:A", 1), cache.ticket(), NOW);

        cache.invalidate("did:medmesh:org:A", 2);

        assertThat(cache.get("did:medmesh:org:A", NOW)).isEmpty();
    }

    @Test
    void keeps_a_version_as_new_as_the_event() {
        cache.put(did("did:medmesh:org:A", 2), cache.ticket(), NOW);

        cache.invalidate("did:medmesh:org:A", 2);

        assertThat(cache.get("did:medmesh:org:A", NOW)).isPresent();
    }

    @Test
    void holds_at_most_its_capacity_least_recently_used_out() {
        for (String name : new String[] {"A", "B", "C"}) {
            cache.put(did("did:medmesh:org:" + name, 1), cache.ticket(), NOW);
        }
        cache.get("did:medmesh:org:A", NOW);

        cache.put(did("did:medmesh:org:D", 1), cache.ticket(), NOW);

        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.get("did:medmesh:org:B", NOW)).isEmpty();
        assertThat(cache.get("did:medmesh:org:A", NOW)).isPresent();
    }

    @Test
    void forgets_entries_older_than_its_maximum_age() {
        cache.put(did("did:medmesh:org:A", 1), cache.ticket(), NOW);

        assertThat(cache.get("did:medmesh:org:A", NOW.plus(Duration.ofMinutes(11)))).isEmpty();
    }

    @Test
    void clears_everything_and_drops_reads_in_flight() {
        long ticket = cache.ticket();
        cache.put(did("did:medmesh:org:A", 1), ticket, NOW);

        cache.clear();
        cache.put(did("did:medmesh:org:B", 1), ticket, NOW);

        assertThat(cache.size()).isZero();
    }

    private static ResolvedDid did(String did, long version) {
        return new ResolvedDid(did, version, false, Optional.of("s" + version), Optional.of("a" + version),
                Optional.empty(), "{}");
    }
}
