package org.medmesh.node.adapter.in.http.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.BearerAuthorization;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.exchange.FetchJob;
import org.medmesh.node.application.exchange.FetchOrder;
import org.medmesh.node.application.exchange.FetchRecords;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.consent.ledger.Did;

/**
 * The clinicians' side (bearer role clinician or admin):
 * <ul>
 *   <li>{@code POST /exchange/fetches} {@code {"patient":"Patient/123","purpose":"TREAT","classes":[…]?,
 *       "holder":"did:…"?}}: fetch the patient's records from the named hospital or from every hospital the
 *       patient linked, in parallel; answers 202 with the fetch's status and its URL;</li>
 *   <li>{@code POST /exchange/break-glass} {@code {"patient", "reasonCode":"UNCONSCIOUS|LIFE_THREATENING|OTHER",
 *       "reason":"…", "classes"?, "holder"?}}: the same without consent, purpose ETREAT, on the ledger as
 *       break-glass;</li>
 *   <li>{@code GET /exchange/fetches/{id}?wait=seconds}: per hospital, its state, chunks and bytes received so
 *       far, resources imported, the ledger transaction, or why nothing was imported; {@code wait} (at most 120)
 *       holds the answer until the fetch ends or the time is up.</li>
 * </ul>
 */
@Controller("/exchange")
@ExecuteOn(TaskExecutors.BLOCKING)
final class FetchController {
    private static final Set<Role> CLINICAL = Set.of(Role.CLINICIAN, Role.ADMIN);
    private final BearerAuthorization authorization;
    private final FetchRecords fetch;

    FetchController(BearerAuthorization authorization, FetchRecords fetch) {
        this.authorization = authorization;
        this.fetch = fetch;
    }

    @Post(uri = "/fetches", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> fetch(@Nullable @Header(HttpHeaders.AUTHORIZATION) String header,
            @Nullable @Body String body) {
        Caller caller = authorization.require(header, CLINICAL);
        FetchOrder order = new FetchOrder(JsonBodies.patientId(body), JsonBodies.text(body, "purpose"),
                JsonBodies.texts(body, "classes"), holder(body), null, caller.subject());
        return accepted(fetch.start(order));
    }

    @Post(uri = "/break-glass", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> breakGlass(@Nullable @Header(HttpHeaders.AUTHORIZATION) String header,
            @Nullable @Body String body) {
        Caller caller = authorization.require(header, CLINICAL);
        EmergencyAccess emergency;
        try {
            emergency = new EmergencyAccess(JsonBodies.text(body, "reasonCode"), JsonBodies.text(body, "reason"),
                    Clock.systemUTC().instant());
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, e.getMessage());
        }
        FetchOrder order = new FetchOrder(JsonBodies.patientId(body), EmergencyAccess.PURPOSE,
                JsonBodies.texts(body, "classes"), holder(body), emergency, caller.subject());
        return accepted(fetch.start(order));
    }

    @Get(uri = "/fetches/{id}", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> status(@Nullable @Header(HttpHeaders.AUTHORIZATION) String header, @PathVariable String id,
            @Nullable @QueryValue Integer wait) {
        authorization.require(header, CLINICAL);
        FetchJob job = fetch.job(id);
        if (wait != null && wait > 0) {
            job.await(Math.min(wait, 120) * 1_000L);
        }
        return json(job);
    }

    private static HttpResponse<Map<String, Object>> accepted(FetchJob job) {
        return HttpResponse.<Map<String, Object>>accepted(URI.create("/exchange/fetches/" + job.id()))
                .body(json(job));
    }


    private static Did holder(String body) {
        return JsonBodies.optionalText(body, "holder").map(LinkController::organization).orElse(null);
    }

    static Map<String, Object> json(FetchJob job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("patient", "Patient/" + job.order().patientId());
        json.put("purpose", job.order().purpose());
        json.put("breakGlass", job.order().emergency() != null);
        json.put("started", job.started().toString());
        json.put("done", job.isDone());
        List<Map<String, Object>> holders = new ArrayList<>();
        int imported = 0;
        for (FetchJob.Transfer transfer : job.transfers()) {
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("holder", transfer.holder().value());
            holder.put("state", transfer.state().name());
            holder.put("chunks", transfer.chunks());
            holder.put("bytes", transfer.bytes());
            holder.put("imported", transfer.imported());
            putIfSet(holder, "code", transfer.code());
            putIfSet(holder, "detail", transfer.detail());
            putIfSet(holder, "ledgerTx", transfer.txId());
            putIfSet(holder, "provenance", transfer.provenance());
            holders.add(holder);
            imported += transfer.imported();
        }
        json.put("imported", imported);
        json.put("holders", holders);
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
