package org.medmesh.node.adapter.out.ledger.embedded;

import java.io.IOException;
import java.nio.file.Files;

/** The shared suite on the embedded ledger persisted in an H2 file database (the embedded default). */
class EmbeddedLedgerClientH2IT extends EmbeddedNetworkContractTest {
    EmbeddedLedgerClientH2IT() throws IOException {
        super(EmbeddedNetworkFixture.onH2(Files.createTempDirectory("medmesh-h2-it")));
    }
}
