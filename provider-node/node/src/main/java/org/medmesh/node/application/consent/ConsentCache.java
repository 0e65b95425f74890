package org.medmesh.node.application.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Each patient's consents as last read from the ledger, dropped as soon as a chaincode event says they changed
 * (a grant or revocation for that patient, a rotation or deactivation of the patient's DID); the next decision
 * reads them again. A stale entry can only outlive its change by the event's delivery time, and even then the
 * access-log transaction re-reads the consent: a revocation committed first refuses the permit.
 *
 * <p>An entry is loaded under the map's lock for its key, and eviction waits for that lock, so an event that
 * arrives while a load is under way can never leave the older load behind.
 */
public final class ConsentCache implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConsentCache.class);
    private static final Set<String> CONSENT_EVENTS = Set.of("ConsentGranted", "ConsentRevoked");
    private static final Set<String> DID_EVENTS = Set.of("DidRotated", "DidDeactivated");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerClient ledger;
    private final Map<Did, List<Consent>> byPatient = new ConcurrentHashMap<>();
    private final AtomicLong evictions = new AtomicLong();
    private final LedgerClient.Subscription subscription;

    public ConsentCache(LedgerClient ledger) {
        this.ledger = ledger;
        this.subscription = ledger.subscribe(EventCheckpoint.fromBlock(ledger.height()), this::onEvent);
    }

    /** The patient's consents (every status), from the cache or the ledger. */
    public List<Consent> consentsOf(Did patient) {
        return byPatient.computeIfAbsent(patient, this::load);
    }

    /** How many entries events have dropped so far (for monitoring and the propagation benchmark). */
    public long evictions() {
        return evictions.get();
    }

    private List<Consent> load(Did patient) {
        List<Consent> consents = new ArrayList<>();
        PageRequest request = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<Consent> page = ledger.consentsByPatient(patient, request);
            consents.addAll(page.items());
            if (!page.hasMore()) {
                return List.copyOf(consents);
            }
            request = request.next(page);
        }
    }

    private void onEvent(LedgerEvent event) {
        String field = CONSENT_EVENTS.contains(event.name()) ? "patient"
                : DID_EVENTS.contains(event.name()) ? "did" : null;
        if (field == null) {
            return;
        }
        try {
            JsonNode value = JSON.readTree(event.payloadJson()).get(field);
            if (value != null && value.isTextual() && !value.textValue().startsWith("did:medmesh:org:")) {
                if (byPatient.remove(Did.parse(value.textValue())) != null) {
                    evictions.incrementAndGet();
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // An event this node cannot read must not keep stale consents: drop everything.
            LOG.warn("unreadable {} event in tx {}; consent cache cleared", event.name(), event.txId());
            byPatient.clear();
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
