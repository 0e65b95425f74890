package org.medmesh.node.adapter.out.ledger.fabric;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import io.grpc.ManagedChannel;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.protos.peer.TxValidationCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.medmesh.node.adapter.out.ledger.LedgerClientContractTest;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.patient.wallet.PatientIdentity;

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

    /** Fabric only: the chaincode's 2-of-3 policy, which the embedded ledger (one process) has no need of. */
    @Test
    void a_grant_endorsed_by_one_organization_alone_is_not_committed() throws Exception {
        PatientIdentity patient = registeredPatient();
        String grant = grant(patient);
        FabricProfile profile = FabricProfile.read(profiles().orElseThrow().resolve("Hospital1MSP.json"));
        ManagedChannel channel = FabricConnections.channel(profile);
        try (Gateway gateway = FabricConnections.gateway(profile, channel, FabricDeadlines.defaults())) {
            Status status = gateway.getNetwork(profile.channel()).getContract(profile.chaincode())
                    .newProposal("consent:grant").addArguments(grant).setEndorsingOrganizations("Hospital1MSP")
                    .build().endorse().submitAsync().getStatus();

            assertThat(status.isSuccessful()).isFalse();
            assertThat(status.getCode()).isEqualTo(TxValidationCode.ENDORSEMENT_POLICY_FAILURE);
        } finally {
            channel.shutdownNow();
        }
        assertThat(holder.consentsByPatient(Did.parse(patient.did().value()), PageRequest.first(10)).items())
                .isEmpty();
    }

    @AfterAll
    void close() {
        holder.close();
        requester.close();
    }
}
