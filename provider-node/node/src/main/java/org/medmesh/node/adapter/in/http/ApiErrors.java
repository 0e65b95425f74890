package org.medmesh.node.adapter.in.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Maps {@link ApiException} to its status with an RFC 7807 body ({@code application/problem+json}). */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
final class ApiErrors implements ExceptionHandler<ApiException, HttpResponse<String>> {
    static final String PROBLEM_JSON = "application/problem+json";

    private final JsonMapper json;

    ApiErrors(JsonMapper json) {
        this.json = json;
    }

    @Override
    public HttpResponse<String> handle(HttpRequest request, ApiException exception) {
        ApiError error = exception.error();
        MutableHttpResponse<String> response = HttpResponse.<String>status(error.status())
                .contentType(PROBLEM_JSON)
                .body(encode(new Problem(error.type(), error.title(), error.status().getCode(),
                        exception.getMessage(), exception.code())));
        if (error == ApiError.UNAUTHENTICATED) {
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

    /** An RFC 7807 problem detail; {@code code} is an extension member with a machine-readable reason. */
    @Serdeable
    record Problem(String type, String title, int status, String detail, String code) {}
}
