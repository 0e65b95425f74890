package org.medmesh.node.cli;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Contract;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.GatewayException;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.Status;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;
import org.medmesh.node.adapter.out.ledger.fabric.FabricDeadlines;
import org.medmesh.node.adapter.out.ledger.fabric.FabricProfile;

/**
 * The Fabric Gateway client used directly, without the node's adapter: the baseline the adapter is measured
 * against. Built from the same connection profile and with the same deadlines as the adapter.
 */
final class BenchGateway implements BenchFabric.Relay, AutoCloseable {
    private final ManagedChannel channel;
    private final Gateway gateway;
    private final Contract contract;

    private BenchGateway(ManagedChannel channel, Gateway gateway, FabricProfile profile) {
        this.channel = channel;
        this.gateway = gateway;
        this.contract = gateway.getNetwork(profile.channel()).getContract(profile.chaincode());
    }

    static BenchGateway connect(FabricProfile profile) {
        FabricDeadlines deadlines = FabricDeadlines.defaults();
        ManagedChannel channel = null;
        try (Reader certificate = Files.newBufferedReader(profile.certificate());
                Reader key = Files.newBufferedReader(profile.privateKey())) {
            channel = Grpc.newChannelBuilder(profile.peerEndpoint(), TlsChannelCredentials.newBuilder()
                    .trustManager(profile.tlsRootCert().toFile()).build())
                    .overrideAuthority(profile.hostnameOverride()).build();
            Gateway gateway = Gateway.newInstance()
                    .identity(new X509Identity(profile.mspId(), Identities.readX509Certificate(certificate)))
                    .signer(Signers.newPrivateKeySigner(Identities.readPrivateKey(key)))
                    .hash(Hash.SHA256)
                    .connection(channel)
                    .evaluateOptions(within(deadlines.evaluate().toMillis()))
                    .endorseOptions(within(deadlines.endorse().toMillis()))
                    .submitOptions(within(deadlines.submit().toMillis()))
                    .commitStatusOptions(within(deadlines.commitStatus().toMillis()))
                    .connect();
            return new BenchGateway(channel, gateway, profile);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (channel != null) {
                channel.shutdownNow();
            }
            throw new IllegalStateException("cannot connect to " + profile.peerEndpoint() + " as "
                    + profile.mspId() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void grant(String jws) {
        try {
            Status status = contract.newProposal("consent:grant").addArguments(jws).build().endorse().submitAsync()
                    .getStatus();
            if (!status.isSuccessful()) {
                throw new IllegalStateException("transaction " + status.getTransactionId() + " invalidated: "
                        + status.getCode());
            }
        } catch (GatewayException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void read(String consentId) {
        try {
            contract.evaluateTransaction("consent:read", consentId);
        } catch (GatewayException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        gateway.close();
        try {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static CallOption within(long millis) {
        return CallOption.deadlineAfter(millis, TimeUnit.MILLISECONDS);
    }
}
