package org.medmesh.fhirstore;

import java.sql.DriverManager;
import java.util.UUID;

/**
 * The PostgreSQL that integration tests use: the machine's own (trust auth), overridable with
 * {@code -Dmedmesh.test.pg.url} / {@code MEDMESH_TEST_PG_URL} and {@code medmesh.test.pg.user}; a schema per use.
 */
final class Postgres {
    static final String URL = System.getProperty("medmesh.test.pg.url",
            System.getenv().getOrDefault("MEDMESH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    static final String USER = System.getProperty("medmesh.test.pg.user",
            System.getenv().getOrDefault("MEDMESH_TEST_PG_USER", "postgres"));

    private Postgres() {}

    static String createSchema(String prefix) throws Exception {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    static void dropSchema(String schema) throws Exception {
        execute("DROP SCHEMA " + schema + " CASCADE");
    }

    static StoreSettings settings(String schema, int poolSize) {
        return new StoreSettings(URL + "?currentSchema=" + schema, USER, "", poolSize);
    }

    private static void execute(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(URL, USER, "");
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
