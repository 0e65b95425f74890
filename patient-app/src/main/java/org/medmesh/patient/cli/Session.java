package org.medmesh.patient.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletSettings;

/** What every command works with: the parsed line, the wallet file and how to open it, the nodes, time, output. */
final class Session {

    private final Arguments args;
    private final PrintStream out;
    private final Clock clock;
    private final NodeClient nodes;
    private final WalletSettings settings;
    private final Path walletFile;
    private final Passphrases passphrases;

    Session(Arguments args, PrintStream out, Clock clock, NodeClient nodes, WalletSettings settings,
            Map<String, String> env, Passphrases passphrases) {
        this.args = args;
        this.out = out;
        this.clock = clock;
        this.nodes = nodes;
        this.settings = settings;
        this.walletFile = walletFile(args, env);
        this.passphrases = passphrases;
    }

    /** {@code --wallet FILE}, else {@code $MEDMESH_HOME/patient/wallet.json} (MEDMESH_HOME defaults to ~/.medmesh). */
    static Path walletFile(Arguments args, Map<String, String> env) {
        if (args.option("wallet").isPresent()) {
            return Path.of(args.option("wallet").get()).toAbsolutePath();
        }
        String home = env.get("MEDMESH_HOME");
        Path base = home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".medmesh")
                : Path.of(home);
        return base.resolve("patient").resolve("wallet.json").toAbsolutePath();
    }

    Arguments args() {
        return args;
    }

    Clock clock() {
        return clock;
    }

    Instant now() {
        return clock.instant();
    }

    NodeClient nodes() {
        return nodes;
    }

    WalletSettings settings() {
        return settings;
    }

    Path walletFile() {
        return walletFile;
    }

    Passphrases passphrases() {
        return passphrases;
    }

    boolean details() {
        return args.flag("details");
    }

    void say(String line) {
        out.println(line);
    }

    Wallet openWallet() {
        char[] passphrase = passphrases.wallet();
        try {
            return Wallet.open(walletFile, passphrase, settings);
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    /** The {@code --node} address. */
    URI node() {
        return nodeAddress(args.required("node", "URL (the hospital's node)"));
    }

    ConsentId consentId() {
        String text = args.required("id", "ID (a consent id, c-…)");
        if (!text.matches("c-[0-9a-f]{64}")) {
            throw CliFailure.usage("not a consent id: " + text + " (see `patient consent list`)");
        }
        return ConsentId.parse(text);
    }

    static URI nodeAddress(String text) {
        try {
            URI uri = new URI(text);
            boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
            if (web && uri.getHost() != null && uri.getRawQuery() == null && uri.getRawFragment() == null
                    && uri.getRawUserInfo() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // refused below, with the text the patient typed
        }
        throw CliFailure.usage("not a hospital node address: " + text + " (e.g. http://127.0.0.1:8080)");
    }

    /** Creates the wallet's folder (owner-only where POSIX) before a new wallet file is written there. */
    void prepareWalletFolder() {
        Path folder = walletFile.getParent();
        if (folder == null || Files.isDirectory(folder)) {
            return;
        }
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createDirectories(folder,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(folder);
            }
        } catch (IOException e) {
            throw CliFailure.failed("the folder " + folder + " could not be created: nothing was written");
        }
    }
}
