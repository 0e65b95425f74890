package org.medmesh.node.adapter.out.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.medmesh.node.config.LedgerSettings;

/** The shared suite on the embedded ledger persisted in PostgreSQL (a schema of its own, dropped afterwards). */
class EmbeddedLedgerClientPostgresIT extends EmbeddedNetworkContractTest {
    static final String URL = System.getenv().getOrDefault("MEDMESH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String USER = System.getenv().getOrDefault("MEDMESH_TEST_PG_USER", "postgres");

    private static final String SCHEMA = "medmesh_it_" + UUID.randomUUID().toString().replace("-", "");

    EmbeddedLedgerClientPostgresIT() throws IOException, SQLException {
        super(new EmbeddedNetworkFixture(new LedgerSettings(Files.createTempDirectory("medmesh-pg-it"),
                URL + "?currentSchema=" + createSchema(), USER, "")));
    }

    @AfterAll
    void dropSchema() throws SQLException {
        execute("DROP SCHEMA " + SCHEMA + " CASCADE");
    }

    private static String createSchema() throws SQLException {
        execute("CREATE SCHEMA " + SCHEMA);
        return SCHEMA;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(URL, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
