package org.medmesh.node.adapter.out.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.AfterAll;
import org.medmesh.node.config.LedgerSettings;
import org.medmesh.node.testing.PostgresSchema;

/** The shared suite on the embedded ledger persisted in PostgreSQL (a schema of its own, dropped afterwards). */
class EmbeddedLedgerClientPostgresIT extends EmbeddedNetworkContractTest {
    private static final PostgresSchema SCHEMA = PostgresSchema.create("medmesh_it");

    EmbeddedLedgerClientPostgresIT() throws IOException {
        super(new EmbeddedNetworkFixture(new LedgerSettings(Files.createTempDirectory("medmesh-pg-it"),
                SCHEMA.jdbcUrl(), PostgresSchema.USER, "")));
    }

    @AfterAll
    void dropSchema() {
        SCHEMA.drop();
    }
}
