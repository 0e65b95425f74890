package org.medmesh.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.application.port.LedgerClient;

class LedgerConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void defaults_to_the_embedded_ledger_on_h2_under_the_data_directory() {
        LedgerConfiguration configuration = LedgerConfiguration.fromProperties(new Properties(), dir);

        assertThat(configuration.kind()).isEqualTo(LedgerConfiguration.Kind.EMBEDDED);
        assertThat(configuration.embedded().jdbcUrl()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath());
    }

    @Test
    void chooses_fabric_with_a_connection_profile_and_deadlines() {
        Properties properties = new Properties();
        properties.setProperty("medmesh.ledger.kind", "fabric");
        properties.setProperty("medmesh.ledger.fabric.profile", "/etc/medmesh/Hospital1MSP.json");
        properties.setProperty("medmesh.ledger.fabric.endorse-timeout", "PT30S");

        LedgerConfiguration configuration = LedgerConfiguration.fromProperties(properties, dir);

        assertThat(configuration.kind()).isEqualTo(LedgerConfiguration.Kind.FABRIC);
        assertThat(configuration.fabricDeadlines().endorse()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void refuses_fabric_without_a_profile() {
        Properties properties = new Properties();
        properties.setProperty("medmesh.ledger.kind", "fabric");

        assertThatThrownBy(() -> LedgerConfiguration.fromProperties(properties, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("profile");
    }

    @Test
    void opens_a_working_embedded_client_from_defaults() {
        try (LedgerClient client = LedgerClients.open(LedgerConfiguration.fromProperties(new Properties(), dir))) {
            assertThat(client.organization().value()).isEqualTo("did:medmesh:org:Hospital1MSP");
            assertThat(client.height()).isZero();
        }
    }
}
