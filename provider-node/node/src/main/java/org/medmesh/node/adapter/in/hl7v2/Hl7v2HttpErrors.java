package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Maps {@link Hl7v2HttpException} to its status with an RFC 7807 body ({@code application/problem+json}). */
@Produces
@Singleton
@Requires(classes = {Hl7v2HttpException.class, ExceptionHandler.class})
final class Hl7v2HttpErrors implements ExceptionHandler<Hl7v2HttpException, HttpResponse<String>> {
    static final String PROBLEM_JSON = "application/problem+json";

    private final JsonMapper json;

    Hl7v2HttpErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpResponse<String> handle(HttpRequest request, Hl7v2HttpException exception) {
        MutableHttpResponse<String> response = HttpResponse.<String>status(exception.error().status())
                .contentType(PROBLEM_JSON)
                .body(encode(Problem.of(exception)));
        if (exception.error() == Hl7v2HttpError.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", "Bearer realm=\"medmesh\"");
        }
        return response;
    }

    private String encode(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
