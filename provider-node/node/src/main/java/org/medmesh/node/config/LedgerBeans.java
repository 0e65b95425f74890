package org.medmesh.node.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.medmesh.node.application.port.LedgerClient;

/**
 * The node's ledger client, from the {@code medmesh.ledger.*} settings ({@link LedgerConfiguration}). The embedded
 * ledger lives under {@code medmesh.ledger.data-dir} (default: the node's data directory); nodes that share one
 * embedded network point it at the same directory and database.
 */
@Factory
class LedgerBeans {
    private static final List<String> KEYS = List.of("medmesh.ledger.kind", "medmesh.ledger.msp-id",
            "medmesh.ledger.jdbc-url", "medmesh.ledger.jdbc-user", "medmesh.ledger.jdbc-password",
            "medmesh.ledger.fabric.profile", "medmesh.ledger.fabric.evaluate-timeout",
            "medmesh.ledger.fabric.endorse-timeout", "medmesh.ledger.fabric.submit-timeout",
            "medmesh.ledger.fabric.commit-timeout");

    @Singleton
    LedgerConfiguration ledgerConfiguration(Environment environment, NodeProperties node) {
        Properties properties = new Properties();
        for (String key : KEYS) {
            environment.getProperty(key, String.class).ifPresent(value -> properties.setProperty(key, value));
        }
        Path dataDir = environment.getProperty("medmesh.ledger.data-dir", String.class).map(Path::of)
                .orElse(node.dataPath());
        return LedgerConfiguration.fromProperties(properties, dataDir);
    }

    @Singleton
    @Bean(preDestroy = "close")
    LedgerClient ledgerClient(LedgerConfiguration configuration) {
        return LedgerClients.open(configuration);
    }
}
