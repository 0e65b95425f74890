package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.fhir.auth.TokenVerifier;

/**
 * HL7 v2 over HTTP: {@code POST /hl7v2} with one pipe-delimited message, answered with its ACK or NAK (200 for
 * AA, AE and AR alike: the acknowledgment is the answer). The same bearer tokens as {@code /fhir}; writing
 * needs role admin or clinician and a write scope on every type.
 */
@Controller("/hl7v2")
final class Hl7v2Controller {
    static final String ER7 = "x-application/hl7-v2+er7";

    private final Hl7v2Ingestion ingestion;
    private final TokenVerifier tokens;

    Hl7v2Controller(Hl7v2Ingestion ingestion, TokenVerifier tokens) {
        this.ingestion = ingestion;
        this.tokens = tokens;
    }

    @Post(consumes = {ER7, MediaType.TEXT_PLAIN}, produces = ER7)
    HttpResponse<String> receive(@Nullable @Header(HttpHeaders.AUTHORIZATION) String authorization,
            @Nullable @Body String message) {
        authorize(authorization);
        if (message == null || !message.strip().startsWith("MSH")) {
            throw new Hl7v2HttpException(Hl7v2HttpError.NOT_HL7,
                    "the body must be one pipe-delimited HL7 v2 message starting with its MSH segment");
        }
        return HttpResponse.ok(ingestion.ingest(message, "HTTP").ack()).contentType(ER7);
    }

    private void authorize(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new Hl7v2HttpException(Hl7v2HttpError.UNAUTHENTICATED, "a valid bearer token is required");
        }
        Caller caller = tokens.verify(authorization.substring(7).trim()).orElseThrow(() ->
                new Hl7v2HttpException(Hl7v2HttpError.UNAUTHENTICATED, "a valid bearer token is required"));
        boolean writer = caller.role() == Role.ADMIN || caller.role() == Role.CLINICIAN;
        if (!writer || !caller.may("*", true)) {
            throw new Hl7v2HttpException(Hl7v2HttpError.FORBIDDEN,
                    "HL7 v2 messages write records of every type: role admin or clinician with a write scope on *");
        }
    }
}
