package org.medmesh.node.config;

import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.adapter.out.ledger.fabric.FabricLedgerClient;
import org.medmesh.node.adapter.out.ledger.fabric.FabricProfile;
import org.medmesh.node.application.port.LedgerClient;

/** Opens the ledger the configuration names; the node never sees which one it got. */
public final class LedgerClients {
    private LedgerClients() {}

    public static LedgerClient open(LedgerConfiguration configuration) {
        return switch (configuration.kind()) {
            case FABRIC -> FabricLedgerClient.connect(FabricProfile.read(configuration.fabricProfile()),
                    configuration.fabricDeadlines());
            case EMBEDDED -> embedded(configuration);
        };
    }

    private static LedgerClient embedded(LedgerConfiguration configuration) {
        EmbeddedNetwork network = new EmbeddedNetwork(configuration.embedded());
        network.enrol(configuration.mspId());
        EmbeddedLedger ledger = network.open();
        return EmbeddedLedgerClient.owning(ledger, network.identity(configuration.mspId()));
    }
}
