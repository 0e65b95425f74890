package org.medmesh.node.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A schema of its own on the machine's PostgreSQL (127.0.0.1:5432, trust auth; override with MEDMESH_TEST_PG_URL
 * and MEDMESH_TEST_PG_USER) for one test class, dropped afterwards.
 */
public final class PostgresSchema {
    public static final String URL = System.getenv().getOrDefault("MEDMESH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = System.getenv().getOrDefault("MEDMESH_TEST_PG_USER", "postgres");

    private final String name;

    private PostgresSchema(String name) {
        this.name = name;
    }

    public static PostgresSchema create(String prefix) {
        PostgresSchema schema = new PostgresSchema(prefix + "_" + UUID.randomUUID().toString().replace("-", ""));
        execute("CREATE SCHEMA " + schema.name);
        return schema;
    }

    /** A JDBC URL whose connections use this schema. */
    public String jdbcUrl() {
        return URL + "?currentSchema=" + name;
    }

    public void drop() {
        execute("DROP SCHEMA " + name + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL on " + URL + " is needed for this test", e);
        }
    }
}
