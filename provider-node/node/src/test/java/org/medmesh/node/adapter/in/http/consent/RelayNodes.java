package org.medmesh.node.adapter.in.http.consent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.cli.Tokens;

/**
 * Real provider nodes (Micronaut, Jetty, HAPI, H2 stores) on free ports, sharing one embedded ledger in a
 * temporary directory as separate hospitals would share a channel; and a plain HTTP/1.1 client for them.
 */
final class RelayNodes implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final Path ledgerDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final java.util.List<Node> nodes = new java.util.ArrayList<>();

    RelayNodes() {
        try {
            ledgerDir = Files.createTempDirectory("medmesh-ledger-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Node start(String mspId) {
        try {
            Path dataDir = Files.createTempDirectory("medmesh-node-" + mspId);
            EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                    "micronaut.server.port", -1,
                    "medmesh.node.data-dir", dataDir.toString(),
                    "medmesh.ledger.data-dir", ledgerDir.toString(),
                    "medmesh.ledger.msp-id", mspId));
            Node node = new Node(server, dataDir, mspId);
            nodes.add(node);
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(n -> n.server.getApplicationContext().close());
    }

    /** One node and the calls the tests make to it. */
    final class Node {
        final EmbeddedServer server;
        final Path dataDir;
        final String did;

        Node(EmbeddedServer server, Path dataDir, String mspId) {
            this.server = server;
            this.dataDir = dataDir;
            this.did = "did:medmesh:org:" + mspId;
        }

        String base() {
            return server.getURL().toString().replaceAll("/$", "");
        }

        String token(Role role) {
            return NodeTokens.loadOrCreate(dataDir).issue("staff@test", role, Tokens.defaultScopes(role),
                    Duration.ofHours(1), Clock.systemUTC());
        }

        HttpResponse<String> post(String path, ObjectNode body, Role role) {
            return send("POST", path, body == null ? null : body.toString(), "application/json", role);
        }

        HttpResponse<String> get(String path) {
            return send("GET", path, null, null, null);
        }

        HttpResponse<String> send(String method, String path, String body, String contentType, Role role) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (role != null) {
                request.header("Authorization", "Bearer " + token(role));
            }
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        <T> T bean(Class<T> type) {
            return server.getApplicationContext().getBean(type);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode body(String... namesAndValues) {
        ObjectNode body = JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }
}
