package org.medmesh.node.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the embedded ledger lives: a data directory (orderer key, organisations' CAs and identities) and the
 * database of its blocks. By default an H2 file under the data directory that several processes can open at once.
 */
public record LedgerSettings(Path dataDir, String jdbcUrl, String user, String password) {
    public LedgerSettings {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = Objects.requireNonNullElse(user, "");
        password = Objects.requireNonNullElse(password, "");
    }

    /** H2 in {@code dataDir/ledger}, shared between processes through H2's automatic server mode. */
    public static LedgerSettings embeddedDefaults(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("ledger").resolve("blocks");
        return new LedgerSettings(dataDir, "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE", "sa", "");
    }

    public Path ordererKeyDir() {
        return dataDir.resolve("ledger").resolve("orderer");
    }

    public Path mspDir() {
        return dataDir.resolve("msp");
    }

    @Override
    public String toString() {
        return "LedgerSettings[" + dataDir + ", " + jdbcUrl.replaceAll("password=[^;&]*", "password=***") + "]";
    }
}
