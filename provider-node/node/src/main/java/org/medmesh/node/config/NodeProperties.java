package org.medmesh.node.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.nio.file.Path;

/**
 * The node's own settings ({@code medmesh.node.*}): where it keeps its data (keys, the embedded databases), its
 * record store's database, and how bearer tokens are verified. Every setting is documented in the module README.
 *
 * @param dataDir data directory; default {@code $MEDMESH_HOME/node} (MEDMESH_HOME defaults to ~/.medmesh)
 * @param storeJdbcUrl the FHIR store's database; default an H2 file under the data directory
 * @param storeUser database user
 * @param storePassword database password
 * @param storePoolSize connection pool size (default 8)
 * @param jwksUrl verify tokens against this JWKS URL instead of the node's own HMAC key
 * @param validation profile-validate every resource written through {@code /fhir} (default true)
 * @param publicUrl the service endpoint other nodes reach this one at (default: the server's own URL)
 * @param replaceLedgerKeys put this node's keys on the ledger even if the ledger holds others for the organisation
 *     (after a lost key file; default false)
 */
@ConfigurationProperties("medmesh.node")
public record NodeProperties(@Nullable String dataDir, @Nullable String storeJdbcUrl, @Nullable String storeUser,
        @Nullable String storePassword, @Nullable Integer storePoolSize, @Nullable String jwksUrl,
        @Nullable Boolean validation, @Nullable String publicUrl, @Nullable Boolean replaceLedgerKeys) {

    public Path dataPath() {
        if (dataDir != null && !dataDir.isBlank()) {
            return Path.of(dataDir);
        }
        return defaultHome().resolve("node");
    }

    public String jdbcUrl() {
        return storeJdbcUrl != null && !storeJdbcUrl.isBlank() ? storeJdbcUrl
                : "jdbc:h2:file:" + dataPath().toAbsolutePath().resolve("fhir").resolve("records") + ";AUTO_SERVER=TRUE";
    }

    public String user() {
        return storeUser != null ? storeUser : jdbcUrl().startsWith("jdbc:h2:") ? "sa" : "";
    }

    public String password() {
        return storePassword != null ? storePassword : "";
    }

    public int poolSize() {
        return storePoolSize != null && storePoolSize > 0 ? storePoolSize : 8;
    }

    public boolean validationEnabled() {
        return validation == null || validation;
    }

    public boolean replacesLedgerKeys() {
        return replaceLedgerKeys != null && replaceLedgerKeys;
    }

    /** {@code $MEDMESH_HOME}, or {@code ~/.medmesh}. */
    public static Path defaultHome() {
        String home = System.getenv("MEDMESH_HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".medmesh") : Path.of(home);
    }

    @Override
    public String toString() {
        return "NodeProperties[dataDir=" + dataPath() + ", jwks=" + (jwksUrl != null) + ", validation="
                + validationEnabled() + ", publicUrl=" + publicUrl + "]";
    }
}
