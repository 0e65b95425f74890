package org.medmesh.node.adapter.out.ledger.fabric;

import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.security.InvalidKeyException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.hyperledger.fabric.client.CallOption;
import org.hyperledger.fabric.client.Gateway;
import org.hyperledger.fabric.client.Hash;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signers;
import org.hyperledger.fabric.client.identity.X509Identity;

/** Opens the TLS channel and the gateway for a profile. */
final class FabricConnections {
    private FabricConnections() {}

    static FabricLedgerClient open(FabricProfile profile, FabricDeadlines deadlines) {
        ManagedChannel channel = channel(profile);
        try {
            return new FabricLedgerClient(profile.mspId(), channel, gateway(profile, channel, deadlines),
                    profile.channel(), profile.chaincode());
        } catch (RuntimeException e) {
            channel.shutdownNow();
            throw e;
        }
    }

    /** A gateway acting as the profile's identity over {@code channel}, with the given deadlines. */
    static Gateway gateway(FabricProfile profile, ManagedChannel channel, FabricDeadlines deadlines) {
        return Gateway.newInstance()
                .identity(identity(profile))
                .signer(signer(profile))
                .hash(Hash.SHA256)
                .connection(channel)
                .evaluateOptions(deadline(deadlines.evaluate()))
                .endorseOptions(deadline(deadlines.endorse()))
                .submitOptions(deadline(deadlines.submit()))
                .commitStatusOptions(deadline(deadlines.commitStatus()))
                .connect();
    }

    /** A TLS channel to the profile's gateway peer, trusting its organisation's TLS CA. */
    static ManagedChannel channel(FabricProfile profile) {
        try {
            ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(profile.peerEndpoint(),
                    TlsChannelCredentials.newBuilder().trustManager(profile.tlsRootCert().toFile()).build());
            if (!profile.hostnameOverride().isBlank()) {
                builder.overrideAuthority(profile.hostnameOverride());
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the peer's TLS root certificate", e);
        }
    }

    private static X509Identity identity(FabricProfile profile) {
        try (Reader reader = Files.newBufferedReader(profile.certificate())) {
            return new X509Identity(profile.mspId(), Identities.readX509Certificate(reader));
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException("cannot read the organisation's client certificate", e);
        }
    }

    private static org.hyperledger.fabric.client.identity.Signer signer(FabricProfile profile) {
        try (Reader reader = Files.newBufferedReader(profile.privateKey())) {
            return Signers.newPrivateKeySigner(Identities.readPrivateKey(reader));
        } catch (IOException | InvalidKeyException e) {
            // the message names no key material, only that it could not be read
            throw new IllegalArgumentException("cannot read the organisation's private key", e);
        }
    }

    private static CallOption deadline(Duration duration) {
        return CallOption.deadlineAfter(duration.toMillis(), TimeUnit.MILLISECONDS);
    }
}
