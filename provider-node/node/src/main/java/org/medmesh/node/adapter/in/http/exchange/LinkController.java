package org.medmesh.node.adapter.in.http.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.enrolment.LinkPatient;
import org.medmesh.consent.ledger.Did;

/**
 * {@code POST /patients/links} (the patient's wallet, no token: both DIDs sign): {@code holder} (the other
 * hospital's DID), {@code here} and {@code there} (DID-auth responses of the patient's DIDs at this hospital and at
 * the holder, over {@link LinkPatient#statement}).
 */
@Controller("/patients/links")
@ExecuteOn(TaskExecutors.BLOCKING)
final class LinkController {
    private final LinkPatient link;

    LinkController(LinkPatient link) {
        this.link = link;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> link(@Nullable @Body String body) {
        Did holder = organization(JsonBodies.text(body, "holder"));
        LinkPatient.Linked linked = link.link(holder, JsonBodies.text(body, "here"), JsonBodies.text(body, "there"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("holder", linked.holder().value());
        json.put("patientAtHolder", linked.patientAtHolder().value());
        return HttpResponse.created(json);
    }

    static Did organization(String text) {
        try {
            Did did = Did.parse(text);
            if (did.isOrganization()) {
                return did;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new ApiException(ApiError.BAD_REQUEST, "\"holder\" must be a hospital's organisation DID");
    }
}
