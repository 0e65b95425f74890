package org.medmesh.node.application.exchange;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.port.ExchangeClient;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.HolderFailedException;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.PatientLinks;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.node.domain.identity.ResolvedDid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clinician's fetch, requester side: for each hospital the patient linked (or the one named), resolve it on the
 * ledger, send a signed request, verify the streamed answer and import it in one store transaction — all holders
 * in parallel, each with its own status, so an offline or refusing holder never blocks the others. Jobs are kept
 * in memory for {@link #KEPT} after they end (their records are in the store; the access is on the ledger).
 */
public final class FetchRecords {
    /** How long a request is valid: enough for the holder's decision and ledger commit, short against replay. */
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(2);
    /** How long a finished job's status stays available. */
    static final Duration KEPT = Duration.ofHours(1);
    private static final Logger LOG = LoggerFactory.getLogger(FetchRecords.class);

    private final PatientLinks links;
    private final PatientRecords records;
    private final DidResolver dids;
    private final ExchangeClient client;
    private final ImportRecords importer;
    private final NodeKeys keys;
    private final ExecutorService executor;
    private final Clock clock;
    private final ExchangeTimer timer;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, FetchJob> jobs = new ConcurrentHashMap<>();

    public FetchRecords(PatientLinks links, PatientRecords records, DidResolver dids, ExchangeClient client,
            ImportRecords importer, NodeKeys keys, ExecutorService executor, Clock clock, ExchangeTimer timer) {
        this.links = Objects.requireNonNull(links, "links");
        this.records = Objects.requireNonNull(records, "records");
        this.dids = Objects.requireNonNull(dids, "dids");
        this.client = Objects.requireNonNull(client, "client");
        this.importer = Objects.requireNonNull(importer, "importer");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Starts the transfers and returns at once with the job.
     *
     * @throws FetchException the order cannot start (nothing sent)
     */
    public FetchJob start(FetchOrder order) {
        check(order);
        if (!records.exists("Patient", order.patientId())) {
            throw new FetchException(FetchException.Reason.UNKNOWN_PATIENT, "no such Patient here");
        }
        Predicate<PatientLinks.Link> wanted = link -> order.holder() == null || link.holder().equals(order.holder());
        List<PatientLinks.Link> targets = links.linksOf(order.patientId()).stream().filter(wanted).toList();
        if (targets.isEmpty()) {
            throw new FetchException(FetchException.Reason.NOT_LINKED, order.holder() == null
                    ? "the patient has linked no other hospital to this one"
                    : "the patient has not linked that hospital to this one");
        }
        forgetOld();
        FetchJob job = new FetchJob(newId(), order, clock.instant(), targets.stream().map(PatientLinks.Link::holder)
                .toList());
        jobs.put(job.id(), job);
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            PatientLinks.Link link = targets.get(i);
            FetchJob.Transfer transfer = job.transfers().get(i);
            running.add(CompletableFuture.runAsync(() -> transfer(order, link, transfer), executor));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).whenComplete((ok, e) -> job.finish());
        return job;
    }

    /** A job by id, while it is kept. */
    public FetchJob job(String id) {
        FetchJob job = jobs.get(id);
        if (job == null) {
            throw new FetchException(FetchException.Reason.UNKNOWN_FETCH, "no such fetch (or it ended over an hour ago)");
        }
        return job;
    }

    private void transfer(FetchOrder order, PatientLinks.Link link, FetchJob.Transfer transfer) {
        transfer.receiving();
        try {
            ResolvedDid holder = dids.resolve(link.holder().value()).filter(d -> !d.deactivated()).orElse(null);
            if (holder == null || holder.signingKey().isEmpty() || holder.serviceEndpoint().isEmpty()) {
                transfer.ended(FetchJob.State.UNREACHABLE, "UNKNOWN_HOLDER",
                        "the hospital has no current DID with an endpoint on the ledger");
                return;
            }
            String endpoint = holder.serviceEndpoint().get();
            ExchangeClient.Fetched fetched = client.fetch(URI.create(endpoint), link.holder(),
                    holder.signingKey().get(), replyKey -> request(order, link, replyKey), transfer::progress);
            timer.record(ExchangeTimer.WAIT, fetched.waited());
            timer.record(ExchangeTimer.TRANSFER, fetched.transferred());
            timer.record(ExchangeTimer.OPEN, fetched.opened());
            ImportRecords.Imported imported;
            try {
                imported = importer.importBundle(order.patientId(), link.holder(), link.patientAtHolder(),
                        endpoint + "/fhir",
                        fetched.bundle(), fetched.receipt());
            } finally {
                java.util.Arrays.fill(fetched.bundle(), (byte) 0);
            }
            transfer.imported(imported.resources(), fetched.receipt().get("txId"), imported.provenanceId());
        } catch (HolderFailedException e) {
            transfer.ended(switch (e.kind()) {
                case DENIED -> FetchJob.State.DENIED;
                case REFUSED -> FetchJob.State.REFUSED;
                case UNAVAILABLE -> FetchJob.State.UNAVAILABLE;
                case UNREACHABLE -> FetchJob.State.UNREACHABLE;
            }, e.code(), e.getMessage());
        } catch (ExchangeRefusedException e) {
            transfer.ended(FetchJob.State.INVALID, e.reason().name(), e.getMessage());
        } catch (BaseServerResponseException e) {
            transfer.ended(FetchJob.State.FAILED, "NOT_STORED", "the records were not stored: " + e.getMessage());
        } catch (LedgerClientException e) {
            transfer.ended(FetchJob.State.UNAVAILABLE, e.code().name(), "the ledger could not be read");
        } catch (RuntimeException e) {
            LOG.warn("a fetch from {} failed: {}", link.holder().value(), e.getClass().getSimpleName());
            transfer.ended(FetchJob.State.FAILED, "ERROR", "the transfer failed; nothing was imported");
        }
    }

    private ExchangeRequest request(FetchOrder order, PatientLinks.Link link, String replyKey) {
        Instant now = clock.instant();
        return new ExchangeRequest(keys.organization(), link.holder(), link.patientAtHolder(), order.purpose(),
                order.classes(), now, now.plus(REQUEST_LIFETIME), newId(), replyKey, order.emergency());
    }

    private static void check(FetchOrder order) {
        if (!order.purpose().matches(AccessRequest.PURPOSE)) {
            throw new FetchException(FetchException.Reason.MALFORMED, "purpose must be a PurposeOfUse code, e.g. TREAT");
        }
        if (!order.classes().stream().allMatch(c -> c.matches(AccessRequest.RESOURCE_TYPE))) {
            throw new FetchException(FetchException.Reason.MALFORMED, "classes must be FHIR resource type names");
        }
        if (order.emergency() != null && !EmergencyAccess.PURPOSE.equals(order.purpose())) {
            throw new FetchException(FetchException.Reason.MALFORMED, "a break-glass fetch has the purpose ETREAT");
        }
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEPT);
        jobs.values().removeIf(job -> job.isDone() && job.started().isBefore(cutoff));
    }

    private String newId() {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
