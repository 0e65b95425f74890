package org.medmesh.node.adapter.in.http.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.BearerAuthorization;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.enrolment.CompleteEnrolment;
import org.medmesh.node.application.enrolment.EnrolmentCode;
import org.medmesh.node.application.enrolment.StartEnrolment;
import org.medmesh.consent.ledger.Did;

/**
 * {@code POST /enrolments} (hospital staff, bearer role admin or clinician): a one-time code for a local Patient;
 * {@code POST /enrolments/{code}/response} (the patient's wallet, no token): the signed DID-auth response that
 * links the Patient to the wallet's DID.
 */
@Controller("/enrolments")
@ExecuteOn(TaskExecutors.BLOCKING)
final class EnrolmentController {
    private final BearerAuthorization authorization;
    private final StartEnrolment start;
    private final CompleteEnrolment complete;

    EnrolmentController(BearerAuthorization authorization, StartEnrolment start, CompleteEnrolment complete) {
        this.authorization = authorization;
        this.start = start;
        this.complete = complete;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> start(@Nullable @Header(HttpHeaders.AUTHORIZATION) String header,
            @Nullable @Body String body) {
        authorization.require(header, Set.of(Role.ADMIN, Role.CLINICIAN));
        EnrolmentCode code = start.start(JsonBodies.patientId(body));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("challenge", code.code());
        json.put("hospital", code.hospital().value());
        json.put("expiresAt", code.expiresAt().toString());
        return HttpResponse.created(json);
    }

    @Post(uri = "/{code}/response", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    Map<String, Object> respond(@PathVariable String code, @Nullable @Body String body) {
        if (!code.matches("[A-Za-z0-9_-]{16,128}")) {
            throw new ApiException(ApiError.BAD_REQUEST, "not an enrolment code");
        }
        Did did = complete.complete(code, JsonBodies.text(body, "response"));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("patientDid", did.value());
        json.put("enrolled", true);
        return json;
    }
}
