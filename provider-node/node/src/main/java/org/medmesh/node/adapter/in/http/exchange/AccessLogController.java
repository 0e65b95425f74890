package org.medmesh.node.adapter.in.http.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.application.enrolment.PatientAccessLog;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.TimeRange;

/**
 * {@code GET /relay/access?from=&to=&size=&bookmark=} with header {@code MedMesh-DID-Auth} (the patient's DID-auth
 * response for this node over {@link PatientAccessLog#STATEMENT}): the ledger's access events for that DID, as
 * recorded — who asked, which hospital answered, when, purpose, consent or break-glass (coded reason and the
 * SHA-256 of the clinician's words), permit or deny, how many resources.
 */
@Controller("/relay/access")
@ExecuteOn(TaskExecutors.BLOCKING)
final class AccessLogController {
    static final String DID_AUTH = "MedMesh-DID-Auth";

    private final PatientAccessLog log;

    AccessLogController(PatientAccessLog log) {
        this.log = log;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    Map<String, Object> read(@Nullable @Header(DID_AUTH) String didAuth, @Nullable @QueryValue String from,
            @Nullable @QueryValue String to, @Nullable @QueryValue Integer size, @Nullable @QueryValue String bookmark) {
        if (didAuth == null || didAuth.isBlank()) {
            throw new ApiException(ApiError.UNAUTHENTICATED, "the " + DID_AUTH + " header is required");
        }
        TimeRange range;
        try {
            range = new TimeRange(instant(from, TimeRange.all().from()), instant(to, TimeRange.all().to()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"to\" must come after \"from\"");
        }
        int pageSize = size == null ? PageRequest.MAX_SIZE : Math.max(1, Math.min(size, PageRequest.MAX_SIZE));
        Page<AccessEvent> page = log.read(didAuth.strip(), range, new PageRequest(pageSize, bookmark));
        List<Map<String, Object>> events = new ArrayList<>();
        page.items().forEach(event -> events.add(json(event)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", events);
        if (page.bookmark() != null && !page.bookmark().isEmpty()) {
            json.put("bookmark", page.bookmark());
        }
        return json;
    }

    static Map<String, Object> json(AccessEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("eventId", event.eventId());
        json.put("time", event.claimedTime() == null ? null : event.claimedTime().toString());
        json.put("requester", event.requester().value());
        json.put("holder", event.holder().value());
        json.put("patient", event.patient().value());
        json.put("purpose", event.purpose());
        json.put("decision", event.decision().name().toLowerCase(Locale.ROOT));
        if (event.denyReason() != null) {
            json.put("denyReason", event.denyReason());
        }
        if (event.consentId() != null) {
            json.put("consent", event.consentId().value());
        }
        if (event.breakGlass() != null) {
            json.put("breakGlass", Map.of("reasonCode", event.breakGlass().reasonCode(),
                    "reasonHash", event.breakGlass().reasonHash()));
        }
        json.put("count", event.count());
        if (event.releasedHash() != null) {
            json.put("releasedHash", event.releasedHash());
        }
        json.put("ledgerTx", event.txId());
        return json;
    }

    private static Instant instant(String text, Instant otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "from and to are ISO-8601 instants, e.g. 2026-01-31T00:00:00Z");
        }
    }
}
