package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/** One real provider node (Micronaut + Jetty + HAPI + store) on a random port, and an HTTP client for it. */
final class FhirNode implements AutoCloseable {
    static final FhirContext FHIR = FhirContext.forR4Cached();

    final EmbeddedServer server;
    final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private FhirNode(EmbeddedServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static FhirNode start(String jdbcUrl, String user) {
        try {
            Path dataDir = Files.createTempDirectory("medmesh-node-it");
            Map<String, Object> properties = new HashMap<>();
            properties.put("micronaut.server.port", -1);
            properties.put("medmesh.node.data-dir", dataDir.toString());
            if (jdbcUrl != null) {
                properties.put("medmesh.node.store-jdbc-url", jdbcUrl);
                properties.put("medmesh.node.store-user", user);
            }
            return new FhirNode(ApplicationContext.run(EmbeddedServer.class, properties), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String base() {
        String url = server.getURL().toString();
        return (url.endsWith("/") ? url.substring(0, url.length() - 1) : url) + "/fhir";
    }

    String token(Role role) {
        return NodeTokens.loadOrCreate(dataDir).issue(role.claim() + "@test", role,
                org.medmesh.node.cli.Tokens.defaultScopes(role), Duration.ofHours(1), Clock.systemUTC());
    }

    HttpResponse<String> send(String method, String path, String body, Role role, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/fhir+json");
        if (body != null) {
            request.header("Content-Type", "application/fhir+json");
        }
        if (role != null) {
            request.header("Authorization", "Bearer " + token(role));
        }
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> get(String path, Role role) {
        return send("GET", path, null, role, Map.of());
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
