package org.medmesh.node.adapter.out.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.medmesh.node.testing.PostgresSchema;

/**
 * {@link JdbcNodeState} (nonces, patient links, break-glass reasons) on PostgreSQL, a fresh schema per test; a restart
 * opens a new pool on it.
 */
class JdbcNodeStatePostgresIT extends NodeStateContractTest {
    private final PostgresSchema schema = PostgresSchema.create("nonces");

    @Override
    JdbcNodeState open() {
        return JdbcNodeState.open(schema.jdbcUrl(), PostgresSchema.USER, "");
    }

    @AfterEach
    void dropSchema() {
        closeStore(); // the pool first: a subclass's @AfterEach runs before its superclass's
        schema.drop();
    }
}
