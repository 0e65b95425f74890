package org.medmesh.node.adapter.out.ledger.fabric;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medmesh.node.adapter.out.ledger.LedgerClientContractTest;
import org.medmesh.node.application.port.LedgerClient;

/**
 * The shared suite against a real Fabric network, as {@code network-config/fabric.sh up && deploy} brings it
 * up. Set {@code MEDMESH_FABRIC_PROFILES} (or {@code -Dmedmesh.fabric.profiles}) to the folder of connection
 * profiles; without it the suite is skipped, so CI stays green on machines without Fabric.
 */
@EnabledIf(value = "networkConfigured",
        disabledReason = "no Fabric network configured: set MEDMESH_FABRIC_PROFILES to the profiles folder "
                + "written by 'network-config/fabric.sh up' (e.g. ~/.medmesh/fabric/profiles)")
class FabricLedgerClientIT extends LedgerClientContractTest {
    private final LedgerClient holder = connect("Hospital1MSP");
    private final LedgerClient requester = connect("Hospital2MSP");

    static boolean networkConfigured() {
        return profiles().filter(dir -> Files.exists(dir.resolve("Hospital1MSP.json"))).isPresent();
    }

    static Optional<Path> profiles() {
        String configured = System.getProperty("medmesh.fabric.profiles", System.getenv("MEDMESH_FABRIC_PROFILES"));
        return configured == null || configured.isBlank() ? Optional.empty() : Optional.of(Path.of(configured));
    }

    static LedgerClient connect(String mspId) {
        Path profile = profiles().orElseThrow().resolve(mspId + ".json");
        return FabricLedgerClient.connect(FabricProfile.read(profile), FabricDeadlines.defaults());
    }

    @Override
    protected LedgerClient holder() {
        return holder;
    }

    @Override
    protected LedgerClient requester() {
        return requester;
    }

    @AfterAll
    void close() {
        holder.close();
        requester.close();
    }
}
