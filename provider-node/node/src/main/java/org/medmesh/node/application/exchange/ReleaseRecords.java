package org.medmesh.node.application.exchange;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.node.application.consent.DecideAccess;
import org.medmesh.node.application.enrolment.CompleteEnrolment;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.port.EmergencyReasons;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.ExchangeRequests;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.application.port.ResponseSealer;
import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.consent.decision.ConsentDecision;
import org.medmesh.consent.decision.DenyReason;
import org.medmesh.consent.decision.HeldRecord;
import org.medmesh.consent.decision.ReleasePolicy;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.BreakGlass;
import org.medmesh.node.domain.ledger.LedgerReceipt;

/**
 * The holder's answer to an exchange request: verify it, find the patient, decide (consent, or a break-glass
 * declared within the allowed window), pick exactly what may be released, and <b>commit the access event to the
 * ledger — permit or deny — before anything is released</b>. The ledger re-checks a permit against the consent in
 * the same transaction, so a revocation that won the race turns the permit into a recorded deny. A ledger that
 * cannot be reached fails the request (nothing released). Imported resources (with an {@link OriginTag}) are never
 * released: the patient consented to this hospital's records, not to what it received from others; nor is this
 * hospital's own audit trail (AuditEvent).
 */
public final class ReleaseRecords {
    /** How long after its declaration a break-glass may be used: an emergency is not a standing permission. */
    public static final Duration DEFAULT_BREAK_GLASS_WINDOW = Duration.ofHours(1);

    private final VerifyExchangeRequest verify;
    private final ExchangeRequests requests;
    private final PatientRecords records;
    private final DecideAccess decide;
    private final LedgerClient ledger;
    private final EmergencyReasons emergencyReasons;
    private final ResponseSealer sealer;
    private final Clock clock;
    private final Duration breakGlassWindow;
    private final ExchangeTimer timer;

    public ReleaseRecords(VerifyExchangeRequest verify, ExchangeRequests requests, PatientRecords records,
            DecideAccess decide, LedgerClient ledger, EmergencyReasons emergencyReasons, ResponseSealer sealer,
            Clock clock, Duration breakGlassWindow, ExchangeTimer timer) {
        this.verify = Objects.requireNonNull(verify, "verify");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.records = Objects.requireNonNull(records, "records");
        this.decide = Objects.requireNonNull(decide, "decide");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.emergencyReasons = Objects.requireNonNull(emergencyReasons, "emergencyReasons");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.breakGlassWindow = Objects.requireNonNull(breakGlassWindow, "breakGlassWindow");
        this.timer = Objects.requireNonNull(timer, "timer");
    }

    /**
     * Decides and records; the returned release is on the ledger and only waits to be sealed and sent.
     *
     * @throws ExchangeRefusedException the request itself is not acceptable (nothing recorded)
     * @throws AccessDeniedException the request was refused and the deny is on the ledger
     * @throws LedgerClientException the ledger could not be read or written (nothing released)
     */
    public Release release(String jws) {
        long start = System.nanoTime();
        ExchangeRequest request = verify.verify(jws);
        timer.record(ExchangeTimer.VERIFY, ExchangeTimer.since(start));
        String eventId = requests.requestId(jws);
        Instant now = clock.instant();
        AccessRequest access = accessRequest(request, now);
        Optional<String> patientId = records.patientWithIdentifier(CompleteEnrolment.DID_SYSTEM,
                request.patient().value());
        if (patientId.isEmpty()) {
            throw denied(request, eventId, DenyReason.PATIENT_UNKNOWN);
        }
        start = System.nanoTime();
        ConsentDecision decision = decide.decide(access);
        timer.record(ExchangeTimer.DECIDE, ExchangeTimer.since(start));
        if (decision instanceof ConsentDecision.Permit permit) {
            return underConsent(request, eventId, patientId.get(), permit);
        }
        DenyReason reason = ((ConsentDecision.Deny) decision).reason();
        if (request.emergency() != null) {
            return breakGlass(request, eventId, patientId.get(), access, now);
        }
        throw denied(request, eventId, reason);
    }

    private Release underConsent(ExchangeRequest request, String eventId, String patientId,
            ConsentDecision.Permit permit) {
        Selection selection = select(patientId, permit.policy());
        AccessEvent event = AccessEvent.permit(eventId, request.requester(), ledger.organization(), request.patient(),
                permit.consentId(), request.purpose(), selection.count(), selection.sha256());
        LedgerReceipt receipt;
        long start = System.nanoTime();
        try {
            receipt = ledger.recordAccess(event);
            timer.record(ExchangeTimer.LEDGER, ExchangeTimer.since(start));
        } catch (LedgerClientException e) {
            if (e.code() == LedgerErrorCode.REVOKED || e.code() == LedgerErrorCode.EXPIRED
                    || e.code() == LedgerErrorCode.CONSENT_NOT_APPLICABLE) {
                // The ledger's own check of the consent refused the permit: a revocation committed meanwhile.
                throw denied(request, eventId, e.code() == LedgerErrorCode.EXPIRED ? DenyReason.CONSENT_EXPIRED
                        : e.code() == LedgerErrorCode.REVOKED ? DenyReason.CONSENT_REVOKED : DenyReason.NO_CONSENT);
            }
            throw e;
        }
        return new Release(request, eventId, selection, receipt(eventId, receipt, patientId, "consent",
                permit.consentId().value()));
    }

    private Release breakGlass(ExchangeRequest request, String eventId, String patientId, AccessRequest access,
            Instant now) {
        EmergencyAccess emergency = request.emergency();
        if (emergency.declaredAt().isBefore(now.minus(breakGlassWindow))
                || emergency.declaredAt().isAfter(now.plus(ExchangeRequest.CLOCK_SKEW))) {
            throw new ExchangeRefusedException(ExchangeRefusal.EXPIRED,
                    "the break-glass was declared more than " + breakGlassWindow.toMinutes()
                            + " minutes ago (or in the future): declare the emergency again");
        }
        // An emergency overrides the patient's choices for the requested classes, labels included; it is on the
        // ledger as such and the patient sees it.
        ReleasePolicy everythingRequested = (type, labels) -> access.classes().isEmpty()
                || access.classes().contains(type);
        Selection selection = select(patientId, everythingRequested);
        emergencyReasons.keep(eventId, request.requester(), request.patient(), emergency, now);
        BreakGlass breakGlass = new BreakGlass(emergency.reasonCode(), Sha256.hex(emergency.reason()));
        AccessEvent event = AccessEvent.breakGlass(eventId, request.requester(), ledger.organization(),
                request.patient(), breakGlass, selection.count(), selection.sha256());
        LedgerReceipt receipt = ledger.recordAccess(event);
        return new Release(request, eventId, selection, receipt(eventId, receipt, patientId, "breakGlass",
                emergency.reasonCode()));
    }

    private AccessDeniedException denied(ExchangeRequest request, String eventId, DenyReason reason) {
        LedgerReceipt receipt = ledger.recordAccess(AccessEvent.deny(eventId, request.requester(),
                ledger.organization(), request.patient(), request.purpose(), reason.name()));
        return new AccessDeniedException(reason, receipt.txId());
    }

    private static AccessRequest accessRequest(ExchangeRequest request, Instant now) {
        try {
            return new AccessRequest(request.requester(), request.audience(), request.patient(), request.purpose(),
                    Set.copyOf(request.classes()), now);
        } catch (IllegalArgumentException e) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, e.getMessage());
        }
    }

    private Selection select(String patientId, ReleasePolicy policy) {
        long start = System.nanoTime();
        Selection selection = selectUntimed(patientId, policy);
        timer.record(ExchangeTimer.SELECT, ExchangeTimer.since(start));
        return selection;
    }

    private Selection selectUntimed(String patientId, ReleasePolicy policy) {
        List<StoredResource> released = new ArrayList<>();
        for (StoredResource stored : records.records(patientId)) {
            IBaseResource parsed = records.parse(stored);
            if (!(parsed instanceof Resource resource)) {
                continue;
            }
            Set<String> labels = resource.getMeta().getSecurity().stream().map(Coding::getCode)
                    .filter(Objects::nonNull).collect(Collectors.toSet());
            if (policy.releases(new HeldRecord(stored.type(), labels, OriginTag.of(resource).isPresent()))) {
                released.add(stored);
            }
        }
        byte[] json = PatientRecords.collection(released).getBytes(StandardCharsets.UTF_8);
        return new Selection(json, released.size(), Sha256.hex(json));
    }

    /** What the requester keeps: the event, its ledger transaction, the subject's id here, consent or break-glass. */
    private Map<String, String> receipt(String eventId, LedgerReceipt receipt, String patientId, String basis,
            String basisValue) {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("eventId", eventId);
        map.put("txId", receipt.txId());
        map.put("subject", "Patient/" + patientId);
        map.put(basis, basisValue);
        return map;
    }

    /** What was chosen for release: a FHIR collection Bundle's JSON, its entry count and SHA-256 (hex). */
    record Selection(byte[] json, int count, String sha256) {}

    /** A release on the ledger, ready to be sealed to the requester's reply key. */
    public final class Release {
        private final ExchangeRequest request;
        private final String requestId;
        private final Selection selection;
        private final Map<String, String> receipt;

        private Release(ExchangeRequest request, String requestId, Selection selection, Map<String, String> receipt) {
            this.request = request;
            this.requestId = requestId;
            this.selection = selection;
            this.receipt = Map.copyOf(receipt);
        }

        /** How many resources are released. */
        public int count() {
            return selection.count();
        }

        /** The ledger transaction that recorded the access. */
        public String txId() {
            return receipt.get("txId");
        }

        /** Seals the records to the requester's reply key, handing each envelope to {@code sink} in order. */
        public void writeTo(Consumer<String> sink) {
            long[] sending = new long[1];
            long start = System.nanoTime();
            try {
                sealer.seal(requestId, request.replyKey(), selection.json(), receipt, envelope -> {
                    long sent = System.nanoTime();
                    sink.accept(envelope);
                    sending[0] += System.nanoTime() - sent;
                });
                timer.record(ExchangeTimer.SEAL, ExchangeTimer.since(start).minusNanos(sending[0]));
            } finally {
                java.util.Arrays.fill(selection.json(), (byte) 0);
            }
        }
    }
}
