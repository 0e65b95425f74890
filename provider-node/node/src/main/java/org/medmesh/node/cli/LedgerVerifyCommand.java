package org.medmesh.node.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medmesh.ledger.embedded.ChainVerifier;
import org.medmesh.ledger.embedded.JdbcBlockStore;
import org.medmesh.ledger.embedded.OrdererKey;
import org.medmesh.ledger.embedded.VerificationReport;
import org.medmesh.node.config.LedgerSettings;

/** {@code medmesh ledger verify}: recomputes every hash, checks every link and orderer signature. */
final class LedgerVerifyCommand {
    private final PrintStream out;
    private final PrintStream err;

    LedgerVerifyCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(Path dataDir) {
        LedgerSettings settings = LedgerSettings.embeddedDefaults(dataDir);
        if (!Files.exists(settings.ordererKeyDir().resolve("orderer-pub.pem"))) {
            err.println("no embedded ledger in " + dataDir + " (no orderer public key); pass --data DIR");
            return Main.USAGE;
        }
        OrdererKey ordererKey = OrdererKey.loadPublic(settings.ordererKeyDir());
        try (JdbcBlockStore store = JdbcBlockStore.open(settings.jdbcUrl(), settings.user(), settings.password())) {
            VerificationReport report = ChainVerifier.verify(store, ordererKey);
            (report.valid() ? out : err).println(report.summary());
            return report.valid() ? Main.OK : Main.FAILED;
        }
    }
}
