package org.medmesh.node.adapter.in.hl7v2;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.cli.Tokens;

/**
 * One real provider node on random ports (HTTP and MLLP), on its embedded H2 store, with the HTTP client and the
 * FHIR queries the HL7 v2 tests check the store with.
 */
final class Hl7v2Node implements AutoCloseable {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    /** The OID St Mary's sends in A01s; its A08s and ORUs name the authority only as STMARYS. */
    static final String ST_MARYS_SYSTEM = "urn:oid:1.2.840.114350.1.13.1";
    static final List<String> INGESTED_TYPES = List.of("Patient", "Encounter", "Observation", "DiagnosticReport",
            "Provenance");

    final EmbeddedServer server;
    final Path dataDir;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Hl7v2Node(EmbeddedServer server, Path dataDir) {
        this.server = server;
        this.dataDir = dataDir;
    }

    static Hl7v2Node start() {
        try {
            Path dataDir = Files.createTempDirectory("medmesh-hl7v2-it");
            Map<String, Object> properties = Map.of("micronaut.server.port", -1,
                    "medmesh.node.data-dir", dataDir.toString(),
                    "medmesh.hl7v2.mllp-port", 0,
                    "medmesh.hl7v2.authority-systems.STMARYS", ST_MARYS_SYSTEM);
            return new Hl7v2Node(ApplicationContext.run(EmbeddedServer.class, properties), dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int mllpPort() {
        return server.getApplicationContext().getBean(MllpServer.class).port();
    }

    MllpClient mllp() {
        return new MllpClient(mllpPort());
    }

    String token(Role role) {
        return token(role, Tokens.defaultScopes(role));
    }

    String token(Role role, String scopes) {
        return NodeTokens.loadOrCreate(dataDir).issue(role.claim() + "@test", role, scopes, Duration.ofHours(1),
                Clock.systemUTC());
    }

    /** {@code POST /hl7v2}; {@code token} may be null. */
    HttpResponse<String> post(String body, String contentType, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.getURI().resolve("/hl7v2"))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", contentType);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request.build());
    }

    /** A FHIR search, e.g. {@code Patient?identifier=sys|val}, as the admin; values are encoded here. */
    Bundle search(String type, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder(type).append("?_count=100");
        parameters.forEach((name, value) -> query.append('&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.getURI().resolve("/fhir/" + query))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token(Role.ADMIN))
                .timeout(Duration.ofSeconds(60)).GET().build());
        if (response.statusCode() != 200) {
            throw new AssertionError("search " + query + " answered " + response.statusCode() + ": " + response.body());
        }
        return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    }

    /** How many resources of each type HL7 v2 ingestion writes are stored: equal before and after = nothing stored. */
    Map<String, Integer> totals() {
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (String type : INGESTED_TYPES) {
            totals.put(type, search(type, Map.of()).getTotal());
        }
        return totals;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
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
