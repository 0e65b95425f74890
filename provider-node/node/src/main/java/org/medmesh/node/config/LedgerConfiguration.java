package org.medmesh.node.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.medmesh.node.adapter.out.ledger.fabric.FabricDeadlines;

/**
 * Which ledger a node uses: the embedded one (the default: H2 under the data directory, acting as {@code mspId})
 * or a Fabric network reached through a connection profile. Read from properties:
 * <pre>
 * medmesh.ledger.kind            embedded | fabric           (default embedded)
 * medmesh.ledger.msp-id          this hospital's MSP id       (embedded; default Hospital1MSP)
 * medmesh.ledger.jdbc-url        the embedded ledger's database (default: H2 file under the data dir)
 * medmesh.ledger.fabric.profile  connection profile JSON      (fabric; required)
 * medmesh.ledger.fabric.evaluate-timeout / endorse-timeout / submit-timeout / commit-timeout  (ISO-8601, e.g. PT5S)
 * </pre>
 */
public record LedgerConfiguration(Kind kind, String mspId, LedgerSettings embedded, Path fabricProfile,
        FabricDeadlines fabricDeadlines) {
    /** The two ledger implementations behind the port. */
    public enum Kind { EMBEDDED, FABRIC }

    public LedgerConfiguration {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mspId, "mspId");
        Objects.requireNonNull(embedded, "embedded");
        Objects.requireNonNull(fabricDeadlines, "fabricDeadlines");
        if (kind == Kind.FABRIC && fabricProfile == null) {
            throw new IllegalArgumentException("medmesh.ledger.fabric.profile is required when the ledger is fabric");
        }
    }

    public static LedgerConfiguration fromProperties(Properties properties, Path dataDir) {
        Kind kind = Kind.valueOf(properties.getProperty("medmesh.ledger.kind", "embedded").trim()
                .toUpperCase(Locale.ROOT));
        LedgerSettings defaults = LedgerSettings.embeddedDefaults(dataDir);
        LedgerSettings embedded = new LedgerSettings(dataDir,
                properties.getProperty("medmesh.ledger.jdbc-url", defaults.jdbcUrl()),
                properties.getProperty("medmesh.ledger.jdbc-user", defaults.user()),
                properties.getProperty("medmesh.ledger.jdbc-password", defaults.password()));
        String profile = properties.getProperty("medmesh.ledger.fabric.profile");
        FabricDeadlines standard = FabricDeadlines.defaults();
        FabricDeadlines deadlines = new FabricDeadlines(
                duration(properties, "evaluate-timeout", standard.evaluate()),
                duration(properties, "endorse-timeout", standard.endorse()),
                duration(properties, "submit-timeout", standard.submit()),
                duration(properties, "commit-timeout", standard.commitStatus()));
        return new LedgerConfiguration(kind, properties.getProperty("medmesh.ledger.msp-id", "Hospital1MSP"),
                embedded, profile == null ? null : Path.of(profile), deadlines);
    }

    private static Duration duration(Properties properties, String name, Duration fallback) {
        String value = properties.getProperty("medmesh.ledger.fabric." + name);
        return value == null ? fallback : Duration.parse(value.trim());
    }
}
