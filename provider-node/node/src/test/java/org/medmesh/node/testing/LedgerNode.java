package org.medmesh.node.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.cli.Tokens;

/**
 * One real provider node on a random port, on an embedded ledger it shares with the other nodes of a test (the
 * same ledger directory and H2 database), acting as {@code mspId}; with an HTTP/1.1 client for its APIs.
 */
public final class LedgerNode implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    public final EmbeddedServer server;
    public final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LedgerNode(EmbeddedServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    /**
     * The settings of a node in {@code dataDir} on the ledger in {@code ledgerDir}, profile validation off (tests
     * that write records through {@code /fhir} turn it back on); add to them before starting.
     */
    public static Map<String, Object> settings(Path dataDir, Path ledgerDir, String mspId) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("medmesh.node.data-dir", dataDir.toString());
        properties.put("medmesh.node.validation", false);
        properties.put("medmesh.ledger.data-dir", ledgerDir.toString());
        properties.put("medmesh.ledger.jdbc-url", "jdbc:h2:file:" + ledgerDir.toAbsolutePath().resolve("blocks")
                + ";AUTO_SERVER=TRUE");
        properties.put("medmesh.ledger.msp-id", mspId);
        return properties;
    }

    public static LedgerNode start(Map<String, Object> settings) {
        return new LedgerNode(ApplicationContext.run(EmbeddedServer.class, settings),
                Path.of((String) settings.get("medmesh.node.data-dir")));
    }

    public String url() {
        String url = server.getURL().toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The organisation's DID, {@code did:medmesh:org:<mspId>}. */
    public String did() {
        return ledger().organization().value();
    }

    public LedgerClient ledger() {
        return bean(LedgerClient.class);
    }

    public <T> T bean(Class<T> type) {
        return server.getApplicationContext().getBean(type);
    }

    public String token(Role role) {
        return NodeTokens.loadOrCreate(dataDir).issue(role.claim() + "@test", role, Tokens.defaultScopes(role),
                Duration.ofHours(1), Clock.systemUTC());
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Accept", "application/json").GET());
    }

    public HttpResponse<String> get(String path, String accept) {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).header("Accept", accept).GET());
    }

    /** {@code POST} without a body; {@code role} null sends no token. */
    public HttpResponse<String> post(String path, Role role) {
        return send("POST", path, null, null, role);
    }

    /** {@code POST} of a JSON body; {@code role} null sends no token. */
    public HttpResponse<String> post(String path, JsonNode body, Role role) {
        return send("POST", path, body.toString(), "application/json", role);
    }

    /** Any request; {@code body}, {@code contentType} and {@code role} may be null. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, Role role) {
        return send(method, path, body, contentType, "application/json", role);
    }

    /** Any request, accepting {@code accept}; {@code body}, {@code contentType} and {@code role} may be null. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String accept,
            Role role) {
        return send(method, path, body, contentType, accept, role, Map.of());
    }

    /** Any request with extra headers. */
    public HttpResponse<String> send(String method, String path, String body, String contentType, String accept,
            Role role, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (role != null) {
            request.header("Authorization", "Bearer " + token(role));
        }
        headers.forEach(request::header);
        return send(request);
    }

    /**
     * The status of the fetch this node's clinician {@code started} (which must have been accepted, 202), once it is
     * done or {@code waitSeconds} have passed.
     */
    public JsonNode fetchStatus(HttpResponse<String> started, int waitSeconds) {
        if (started.statusCode() != 202) {
            throw new AssertionError("the fetch was not started (" + started.statusCode() + "): " + started.body());
        }
        return json(send("GET", "/exchange/fetches/" + json(started).get("id").textValue() + "?wait=" + waitSeconds,
                null, null, Role.CLINICIAN));
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}
