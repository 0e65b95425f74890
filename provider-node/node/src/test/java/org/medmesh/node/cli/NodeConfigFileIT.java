package org.medmesh.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.NodeApplication;

/** {@code medmesh node --config FILE}: the file's settings reach the node (YAML, over the packaged defaults). */
class NodeConfigFileIT {
    @TempDir
    Path dir;

    @AfterEach
    void forgetTheFile() {
        System.clearProperty("micronaut.config.files");
    }

    @Test
    void a_node_started_with_a_configuration_file_uses_its_settings() throws Exception {
        Path config = dir.resolve("node.yml");
        Files.writeString(config, """
                micronaut:
                  server:
                    port: -1
                medmesh:
                  node:
                    data-dir: %s
                  ledger:
                    msp-id: ConfigFileMSP
                """.formatted(dir.resolve("data")));

        NodeApplication.useConfigFile(config.toString());
        try (ApplicationContext context = ApplicationContext.run(EmbeddedServer.class).getApplicationContext()) {
            URI identity = context.getBean(EmbeddedServer.class).getURI().resolve("/identity");
            HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                    .send(HttpRequest.newBuilder(identity).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.body()).contains("did:medmesh:org:ConfigFileMSP");
            assertThat(dir.resolve("data").resolve("identity")).isDirectory();
        }
    }

    @Test
    void refuses_a_configuration_file_it_cannot_read() {
        assertThatThrownBy(() -> NodeApplication.useConfigFile(dir.resolve("missing.yml").toString()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing.yml");
    }
}
