package org.medmesh.node.adapter.in.http.exchange;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.enrolment.ReadOwnRecords;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.consent.ledger.Did;

/**
 * A patient's right of access, by DID auth (no password at the hospital): {@code POST /patients/challenges}
 * {@code {"did"}} → 201 {@code {"challenge","audience","expiresAt"}}; then {@code GET /patients/records} with
 * headers {@code MedMesh-Challenge} (the challenge) and {@code MedMesh-DID-Auth} (the wallet's DID-auth response
 * over it, this hospital as audience) → the FHIR Bundle ({@code collection}) of everything held here for the
 * Patient enrolled with that DID. Each challenge answers once.
 */
@Controller("/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
final class OwnRecordsController {
    static final String CHALLENGE = "MedMesh-Challenge";

    private final ReadOwnRecords own;

    OwnRecordsController(ReadOwnRecords own) {
        this.own = own;
    }

    @Post(uri = "/challenges", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> challenge(@Nullable @Body String body) {
        Did did;
        try {
            did = Did.parse(JsonBodies.text(body, "did"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"did\" must be a patient DID");
        }
        ReadOwnRecords.Challenge challenge = own.challenge(did);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("challenge", challenge.challenge());
        json.put("audience", challenge.audience().value());
        json.put("expiresAt", challenge.expiresAt().toString());
        return HttpResponse.created(json);
    }

    @Get(uri = "/records", produces = "application/fhir+json")
    HttpResponse<String> records(@Nullable @Header(AccessLogController.DID_AUTH) String didAuth,
            @Nullable @Header(CHALLENGE) String challenge) {
        if (didAuth == null || didAuth.isBlank() || challenge == null || challenge.isBlank()) {
            throw new ApiException(ApiError.UNAUTHENTICATED, "the " + AccessLogController.DID_AUTH + " and "
                    + CHALLENGE + " headers are required");
        }
        return HttpResponse.ok(PatientRecords.collection(own.read(didAuth.strip(), challenge.strip())))
                .contentType("application/fhir+json");
    }
}
