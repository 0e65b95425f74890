package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import java.util.Set;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.BearerAuthorization;

/**
 * HL7 v2 over HTTP: {@code POST /hl7v2} with one pipe-delimited message, answered with its ACK or NAK (200 for
 * AA, AE and AR alike: the acknowledgment is the answer). The same bearer tokens as {@code /fhir}; writing
 * needs role admin or clinician and a write scope on every type.
 */
@Controller("/hl7v2")
final class Hl7v2Controller {
    static final String ER7 = "x-application/hl7-v2+er7";

    private final Hl7v2Ingestion ingestion;
    private final BearerAuthorization authorization;

    Hl7v2Controller(Hl7v2Ingestion ingestion, BearerAuthorization authorization) {
        this.ingestion = ingestion;
        this.authorization = authorization;
    }

    @Post(consumes = {ER7, MediaType.TEXT_PLAIN}, produces = ER7)
    HttpResponse<String> receive(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @Nullable @Body String message) {
        authorize(authorization);
        if (message == null || !message.strip().startsWith("MSH")) {
            throw new ApiException(ApiError.BAD_REQUEST,
                    "the body must be one pipe-delimited HL7 v2 message starting with its MSH segment");
        }
        return HttpResponse.ok(ingestion.ingest(message, "HTTP").ack()).contentType(ER7);
    }

    private void authorize(String header) {
        Caller caller = authorization.require(header, Set.of(Role.ADMIN, Role.CLINICIAN));
        if (!caller.may("*", true)) {
            throw new ApiException(ApiError.FORBIDDEN,
                    "HL7 v2 messages write records of every type: role admin or clinician with a write scope on *");
        }
    }
}
