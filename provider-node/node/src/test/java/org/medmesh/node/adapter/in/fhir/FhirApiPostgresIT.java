package org.medmesh.node.adapter.in.fhir;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;

/** The FHIR API with its store on the machine's PostgreSQL, in a schema of its own. */
class FhirApiPostgresIT extends FhirApiContractTest {
    private static final String URL = System.getenv().getOrDefault("MEDMESH_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = System.getenv().getOrDefault("MEDMESH_TEST_PG_USER", "postgres");
    private static final String SCHEMA = "medmesh_fhir_it_" + UUID.randomUUID().toString().replace("-", "");

    FhirApiPostgresIT() throws SQLException {
        super(FhirNode.start(URL + "?currentSchema=" + createSchema(), USER));
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
