package org.medmesh.node.adapter.out.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link JdbcNodeState} (nonces, patient links, break-glass reasons) on an H2 file; a restart opens the file anew. */
class JdbcNodeStateH2IT extends NodeStateContractTest {
    @TempDir
    Path dir;

    @Override
    JdbcNodeState open() {
        return JdbcNodeState.open("jdbc:h2:file:" + dir.resolve("node-state"), "sa", "");
    }
}
