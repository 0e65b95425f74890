package org.medmesh.node.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medmesh.ledger.embedded.ContractChaincode;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.JdbcBlockStore;
import org.medmesh.ledger.embedded.OrdererKey;
import org.medmesh.ledger.embedded.OrgCa;
import org.medmesh.ledger.embedded.OrgIdentity;

/**
 * The embedded ledger's membership on disk, as Fabric's cryptogen lays it out: one folder per organisation under
 * {@code msp/} with its CA and its node's identity. Opening the ledger trusts every organisation found there.
 */
public final class EmbeddedNetwork {
    private static final String NODE = "node";

    private final LedgerSettings settings;

    public EmbeddedNetwork(LedgerSettings settings) {
        this.settings = settings;
    }

    /** Creates the organisation's CA and node identity unless they exist; returns the node identity. */
    public OrgIdentity enrol(String mspId) {
        Path dir = settings.mspDir().resolve(mspId);
        if (!Files.exists(dir.resolve("ca-cert.pem"))) {
            OrgCa ca = OrgCa.generate(mspId);
            ca.save(dir);
            OrgCa.saveIdentity(ca.issue(NODE + "." + mspId), dir, NODE);
        }
        return identity(mspId);
    }

    public OrgIdentity identity(String mspId) {
        return OrgCa.loadIdentity(mspId, settings.mspDir().resolve(mspId), NODE);
    }

    public List<String> organizations() {
        if (!Files.isDirectory(settings.mspDir())) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(settings.mspDir())) {
            return dirs.filter(d -> Files.exists(d.resolve("ca-cert.pem"))).map(d -> d.getFileName().toString())
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Opens the ledger (creating the orderer key on first use) trusting every enrolled organisation. */
    public EmbeddedLedger open() {
        EmbeddedLedger.Builder builder = EmbeddedLedger.builder()
                .chaincode(ContractChaincode.fromClasspath())
                .store(JdbcBlockStore.open(settings.jdbcUrl(), settings.user(), settings.password()))
                .ordererKey(OrdererKey.loadOrCreate(settings.ordererKeyDir()));
        for (String mspId : organizations()) {
            builder.trust(mspId, OrgCa.load(mspId, settings.mspDir().resolve(mspId)).certificate());
        }
        return builder.build();
    }

    public LedgerSettings settings() {
        return settings;
    }
}
