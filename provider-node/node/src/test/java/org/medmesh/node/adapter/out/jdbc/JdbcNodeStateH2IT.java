package org.medmesh.node.adapter.out.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.application.port.SeenNonces;

/** {@link JdbcNodeState} (nonces, patient links, break-glass reasons) on an H2 file; a restart opens the file anew. */
class JdbcNodeStateH2IT extends NodeStateContractTest {
    @TempDir
    Path dir;

    private JdbcNodeState state;

    @Override
    JdbcNodeState nonces() {
        if (state == null) {
            state = JdbcNodeState.open("jdbc:h2:file:" + dir.resolve("node-state"), "sa", "");
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
    }
}
