package org.medmesh.node.adapter.out.jdbc;

import org.junit.jupiter.api.AfterEach;
import org.medmesh.node.application.port.SeenNonces;
import org.medmesh.node.testing.PostgresSchema;

/** {@link JdbcNodeState} (nonces, patient links, break-glass reasons) on PostgreSQL, a fresh schema per test; a restart opens a new pool on it. */
class JdbcNodeStatePostgresIT extends NodeStateContractTest {
    private final PostgresSchema schema = PostgresSchema.create("nonces");
    private JdbcNodeState state;

    @Override
    JdbcNodeState nonces() {
        if (state == null) {
            state = JdbcNodeState.open(schema.jdbcUrl(), PostgresSchema.USER, "");
        }
        return state;
    }

    @Override
    JdbcNodeState restarted() {
        nonces();
        state.close();
        state = null;
        return nonces();
    }

    @AfterEach
    void close() {
        if (state != null) {
            state.close();
        }
        schema.drop();
    }
}
