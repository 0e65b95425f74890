package org.medmesh.node.cli;

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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/**
 * A real provider node (Micronaut, Jetty, HAPI's server, the record store) started in this process on a free port
 * with a fresh data directory and, on PostgreSQL, a fresh schema that is dropped on close; and an HTTP client that
 * talks to its {@code /fhir} as an EHR would, with an admin bearer token.
 */
final class BenchIngestNode implements AutoCloseable {
    /** Where the node keeps its FHIR records. */
    enum Store {
        H2, POSTGRESQL;

        String label() {
            return this == H2 ? "H2 (file)" : "PostgreSQL";
        }

        static Store parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    private static final String PG_URL = env("MEDMESH_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String PG_USER = env("MEDMESH_BENCH_PG_USER", "postgres");
    private static final String PG_PASSWORD = env("MEDMESH_BENCH_PG_PASSWORD", "");

    private final ApplicationContext context;
    private final Path dataDir;
    private final String schema;
    private final String base;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private BenchIngestNode(ApplicationContext context, Path dataDir, String schema) {
        this.context = context;
        this.dataDir = dataDir;
        this.schema = schema;
        this.base = context.getBean(EmbeddedServer.class).getURI().resolve("/fhir").toString();
        this.token = NodeTokens.loadOrCreate(dataDir).issue("bench", Role.ADMIN, Tokens.defaultScopes(Role.ADMIN),
                Duration.ofHours(2), Clock.systemUTC());
    }

    static BenchIngestNode start(Store store, boolean validation) {
        Path dataDir = temporaryDirectory();
        String schema = store == Store.POSTGRESQL ? createSchema() : null;
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("medmesh.node.data-dir", dataDir.toString());
        properties.put("medmesh.node.validation", validation);
        if (schema != null) {
            properties.put("medmesh.node.store-jdbc-url", PG_URL + "?currentSchema=" + schema);
            properties.put("medmesh.node.store-user", PG_USER);
            properties.put("medmesh.node.store-password", PG_PASSWORD);
        }
        try {
            return new BenchIngestNode(ApplicationContext.run(EmbeddedServer.class, properties).getApplicationContext(),
                    dataDir, schema);
        } catch (RuntimeException e) {
            cleanUp(dataDir, schema);
            throw e;
        }
    }

    /** POSTs a Bundle file to {@code /fhir} as it is on disk. */
    HttpResponse<String> post(Path bundle) {
        try {
            return send(request(base).POST(HttpRequest.BodyPublishers.ofFile(bundle))
                    .header("Content-Type", "application/fhir+json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** GETs a path under {@code /fhir} (e.g. {@code Patient/1}), or an absolute URL the node returned. */
    HttpResponse<String> get(String pathOrUrl) {
        return send(request(pathOrUrl.startsWith("http") ? pathOrUrl : base + "/" + pathOrUrl).GET());
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(30))
                .header("Accept", "application/fhir+json").header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            cleanUp(dataDir, schema);
        }
    }

    private static void cleanUp(Path dataDir, String schema) {
        try {
            if (schema != null) {
                execute("DROP SCHEMA " + schema + " CASCADE");
            }
        } finally {
            SyntheaClasspath.deleteRecursively(dataDir);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("medmesh-bench-ingest-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String createSchema() {
        String schema = "medmesh_bench_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " (user " + PG_USER + "): " + e.getMessage(),
                    e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
