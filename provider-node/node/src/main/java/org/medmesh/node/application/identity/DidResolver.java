package org.medmesh.node.application.identity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.identity.DidKey;
import org.medmesh.node.domain.identity.ResolvedDid;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resolves the DIDs the node meets: {@code did:medmesh} from the ledger, cached and kept fresh by the ledger's
 * {@code DidRegistered}/{@code DidRotated}/{@code DidDeactivated} events (subscribed from the ledger height at
 * {@link #open}, so every change after a cached read is seen); {@code did:key} (Ed25519, X25519) by decoding.
 * Thread-safe.
 */
public final class DidResolver implements AutoCloseable {
    public static final int DEFAULT_CAPACITY = 10_000;
    /** A safety net only: the events evict; this bounds the damage of an event stream that silently stalled. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(DidResolver.class);
    private static final Set<String> DID_EVENTS = Set.of("DidRegistered", "DidRotated", "DidDeactivated");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MEDMESH_PREFIX = "did:medmesh:";
    private static final String DID_SYNTAX = "did:[a-z0-9]+:[A-Za-z0-9._%:-]+";

    private final LedgerClient ledger;
    private final DidCache cache;
    private final Clock clock;
    private LedgerClient.Subscription subscription;

    private DidResolver(LedgerClient ledger, DidCache cache, Clock clock) {
        this.ledger = ledger;
        this.cache = cache;
        this.clock = clock;
    }

    /** A resolver that caches up to {@code capacity} ledger DIDs; subscribes to the ledger's events now. */
    public static DidResolver open(LedgerClient ledger, int capacity, Duration maxAge, Clock clock) {
        DidResolver resolver = new DidResolver(Objects.requireNonNull(ledger, "ledger"),
                new DidCache(capacity, Objects.requireNonNull(maxAge, "maxAge")), Objects.requireNonNull(clock));
        resolver.subscription = ledger.subscribe(EventCheckpoint.fromBlock(ledger.height()), resolver::onEvent);
        return resolver;
    }

    /**
     * The DID's current document, or empty if the ledger does not know it.
     *
     * @throws IdentityException MALFORMED_DID or UNSUPPORTED_METHOD
     * @throws org.medmesh.node.application.port.LedgerClientException if the ledger cannot be read
     */
    public Optional<ResolvedDid> resolve(String did) {
        if (did == null || !did.matches(DID_SYNTAX)) {
            throw new IdentityException(IdentityException.Code.MALFORMED_DID,
                    "not a DID (did:<method>:<identifier>, without path, query or fragment)");
        }
        if (did.startsWith(DidKey.PREFIX)) {
            return Optional.of(DidKeyDocuments.resolve(parse(did, DidKey::parse)));
        }
        if (did.startsWith(MEDMESH_PREFIX)) {
            return resolveOnLedger(parse(did, Did::parse));
        }
        throw new IdentityException(IdentityException.Code.UNSUPPORTED_METHOD,
                "MedMesh resolves did:medmesh and did:key DIDs only");
    }

    @Override
    public void close() {
        subscription.close();
    }

    private Optional<ResolvedDid> resolveOnLedger(Did did) {
        Optional<ResolvedDid> cached = cache.get(did.value(), clock.instant());
        if (cached.isPresent()) {
            return cached;
        }
        long ticket = cache.ticket();
        Optional<ResolvedDid> resolved = ledger.resolve(did).map(ResolvedDid::of);
        resolved.ifPresent(document -> cache.put(document, ticket, clock.instant()));
        return resolved;
    }

    /** Runs on the ledger's event thread; must not throw, or delivery would stall on this event. */
    void onEvent(LedgerEvent event) {
        if (!DID_EVENTS.contains(event.name())) {
            return;
        }
        try {
            JsonNode payload = JSON.readTree(event.payloadJson());
            JsonNode version = payload.path("version");
            cache.invalidate(payload.path("did").asText(), version.isIntegralNumber() ? version.asLong()
                    : Long.MAX_VALUE);
        } catch (IOException | RuntimeException e) {
            cache.clear();
            LOG.warn("unreadable {} event in block {}: cleared the DID cache", event.name(), event.blockNumber());
        }
    }

    int cached() {
        return cache.size();
    }

    private static <T> T parse(String did, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(did);
        } catch (IllegalArgumentException e) {
            throw new IdentityException(IdentityException.Code.MALFORMED_DID, e.getMessage());
        }
    }
}
