package org.medmesh.node.adapter.out.ledger.embedded;

import java.nio.file.Path;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.config.EmbeddedNetwork;
import org.medmesh.node.config.LedgerSettings;

/** Two hospitals on one embedded ledger persisted in a database, as the node opens it from its settings. */
final class EmbeddedNetworkFixture implements AutoCloseable {
    static final String HOLDER = "CityHospitalMSP";
    static final String REQUESTER = "StMarysHospitalMSP";

    final EmbeddedNetwork network;
    final EmbeddedLedger ledger;
    final LedgerClient holder;
    final LedgerClient requester;

    EmbeddedNetworkFixture(LedgerSettings settings) {
        network = new EmbeddedNetwork(settings);
        network.enrol(HOLDER);
        network.enrol(REQUESTER);
        ledger = network.open();
        holder = new EmbeddedLedgerClient(ledger, network.identity(HOLDER));
        requester = new EmbeddedLedgerClient(ledger, network.identity(REQUESTER));
    }

    static EmbeddedNetworkFixture onH2(Path dir) {
        return new EmbeddedNetworkFixture(LedgerSettings.embeddedDefaults(dir));
    }

    @Override
    public void close() {
        ledger.close();
    }
}
