package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/** The demo's hospital staff on a node's APIs: a bearer token of the node's own issuer for a role, then HTTP. */
final class DemoHttp {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    HttpResponse<String> send(EmbeddedServer node, Path nodeData, Role role, String method, String path, String body,
            String contentType) {
        String token = NodeTokens.loadOrCreate(nodeData).issue(role.claim() + "@demo", role, Tokens.defaultScopes(role),
                Duration.ofMinutes(10), Clock.systemUTC());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base(node) + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("a demo node did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A clinician's fetch ({@code POST path} with {@code order}, then the status, waiting for the end): the first
     * hospital's status, or {@code {"state":"NOT_STARTED","detail":…}} when the node did not start it.
     */
    JsonNode clinicianFetch(EmbeddedServer node, Path nodeData, String path, String order) {
        HttpResponse<String> started = send(node, nodeData, Role.CLINICIAN, "POST", path, order, "application/json");
        if (started.statusCode() != 202) {
            return JSON.createObjectNode().put("state", "NOT_STARTED").put("detail", started.body());
        }
        String id = parse(started.body()).path("id").asText();
        return parse(send(node, nodeData, Role.CLINICIAN, "GET", "/exchange/fetches/" + id + "?wait=120", null, null)
                .body()).path("holders").path(0);
    }

    static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A plain GET, no token (the patient's page). */
    HttpResponse<String> get(java.net.URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the patient's page did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String base(EmbeddedServer server) {
        return server.getURL().toString().replaceAll("/$", "");
    }
}
