package org.medmesh.patient.cli;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.wallet.WalletSettings;

/**
 * The patient's command line, {@code ./medmesh patient <command>}. The launcher passes the words after
 * {@code patient} (a leading {@code patient} is skipped too). Exit status: 0 done, 1 failed (one line on {@code err}
 * saying what happened and what it means for the wallet), 2 wrong command line (nothing done).
 *
 * <p>Environment: {@code MEDMESH_HOME} (default {@code ~/.medmesh}; the wallet is
 * {@code $MEDMESH_HOME/patient/wallet.json} unless {@code --wallet FILE}), {@code MEDMESH_WALLET_PASSPHRASE} and
 * {@code MEDMESH_BACKUP_PASSPHRASE} (else typed at the terminal without echo), and {@code MEDMESH_WALLET_KDF=test},
 * for tests only: new seals use Argon2id at 1 MiB and one pass instead of 64 MiB and three, which makes a stolen
 * wallet file far cheaper to attack; a warning says so on every run.
 */
public final class PatientCli {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String KDF_ENV = "MEDMESH_WALLET_KDF";
    static final Argon2idParameters TEST_COST = new Argon2idParameters(1024, 1, 1);

    private static final Set<String> NODE = Set.of("wallet", "node");
    private static final Set<String> CONSENT = Set.of("wallet", "node", "id");
    private static final Map<String, Command> COMMANDS = commands();

    private record Command(String usage, Set<String> options, Set<String> flags, ToIntFunction<Session> action) {}

    private PatientCli() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.getenv(), Clock.systemDefaultZone(), new SecureRandom()));
    }

    /**
     * Runs one command.
     *
     * @param env the environment (MEDMESH_HOME, the passphrases, MEDMESH_WALLET_KDF)
     * @param clock signing times, and the zone in which dates such as {@code --until 2026-12-31} are read
     * @param random keys and nonces
     * @return the exit status: 0 done, 1 failed, 2 wrong command line
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            SecureRandom random) {
        return run(args, out, err, env, clock, random, Terminal.system(), NodeClient.overHttp());
    }

    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> env, Clock clock,
            SecureRandom random, Terminal terminal, NodeClient nodes) {
        List<String> words = Arrays.asList(args);
        if (!words.isEmpty() && words.get(0).equals("patient")) {
            words = words.subList(1, words.size());
        }
        Session session = null;
        try {
            Arguments arguments = Arguments.parse(words);
            String name = String.join(" ", arguments.words());
            if (name.isEmpty() || name.equals("help") || arguments.flag("help")) {
                usage(out);
                return OK;
            }
            Command command = COMMANDS.get(name);
            if (command == null) {
                err.println("error: unknown command: patient " + name);
                usage(err);
                return USAGE;
            }
            arguments.allowOnly(name, command.options(), command.flags());
            WalletSettings settings = new WalletSettings(seal(env, err), random, clock);
            session = new Session(arguments, out, clock, nodes, settings, env, new Passphrases(env, terminal));
            return command.action().applyAsInt(session);
        } catch (CliFailure e) {
            err.println("error: " + e.getMessage());
            return e.exitStatus();
        } catch (RuntimeException e) {
            err.println("error: " + Failures.describe(e, session == null ? null : session.walletFile()));
            return FAILED;
        }
    }

    private static PassphraseSeal seal(Map<String, String> env, PrintStream err) {
        String kdf = env.get(KDF_ENV);
        if (kdf == null || kdf.isEmpty()) {
            return new PassphraseSeal();
        }
        if (!kdf.equals("test")) {
            throw CliFailure.usage(KDF_ENV + " is either unset (the production cost) or \"test\"");
        }
        err.println("warning: " + KDF_ENV + "=test seals the wallet at a cost meant for tests only");
        return new PassphraseSeal(TEST_COST);
    }

    private static Map<String, Command> commands() {
        Map<String, Command> commands = new LinkedHashMap<>();
        commands.put("create", new Command("create", Set.of("wallet"), Set.of(), WalletCommands::create));
        commands.put("show", new Command("show [--details]", Set.of("wallet"), Set.of("details"),
                WalletCommands::show));
        commands.put("backup", new Command("backup --to FILE", Set.of("wallet", "to"), Set.of(),
                WalletCommands::backup));
        commands.put("restore", new Command("restore --from FILE", Set.of("wallet", "from"), Set.of(),
                WalletCommands::restore));
        commands.put("enrol", new Command("enrol --node URL --challenge CODE", union(NODE, Set.of("challenge")),
                Set.of("details"), EnrolCommand::run));
        commands.put("rotate", new Command("rotate --node URL [--recovery] [--resume]", NODE,
                Set.of("recovery", "resume"), RotateCommand::run));
        commands.put("consent grant", new Command("consent grant --node URL --to DID|URL[,…] [--purpose TREAT,…] "
                + "[--classes Observation,…] [--withhold PSY,HIV,…] [--from DATE] [--until DATE]",
                union(NODE, ChoiceOptions.NAMES), Set.of("details"), ConsentGrantCommands::grant));
        commands.put("consent preview", new Command("consent preview --node URL --to DID|URL[,…] [the options of "
                + "grant]", union(NODE, ChoiceOptions.NAMES), Set.of("details"), PreviewCommand::run));
        commands.put("consent list", new Command("consent list [--details]", Set.of("wallet"), Set.of("details"),
                ConsentCommands::list));
        commands.put("consent status", new Command("consent status --id ID --node URL", CONSENT, Set.of(),
                ConsentCommands::status));
        commands.put("consent revoke", new Command("consent revoke --id ID --node URL", CONSENT, Set.of(),
                ConsentCommands::revoke));
        commands.put("consent narrow", new Command("consent narrow --id ID --node URL [the options of grant]",
                union(CONSENT, ChoiceOptions.NAMES), Set.of("details"), ConsentGrantCommands::narrow));
        commands.put("consent extend", new Command("consent extend --id ID --node URL [the options of grant]",
                union(CONSENT, ChoiceOptions.NAMES), Set.of("details"), ConsentGrantCommands::extend));
        commands.put("consent deliver", new Command("consent deliver --id ID --node URL", CONSENT, Set.of(),
                ConsentCommands::deliver));
        commands.put("link", new Command("link --node URL --holder URL|DID [--details]",
                union(NODE, Set.of("holder")), Set.of("details"), LinkCommand::run));
        commands.put("access", new Command("access [--node URL] [--hospital URL|DID] [--details]",
                union(NODE, Set.of("hospital")), Set.of("details"), AccessCommand::run));
        commands.put("records", new Command("records --node URL [--out FILE] [--details]",
                union(NODE, Set.of("out")), Set.of("details"), RecordsCommand::run));
        commands.put("page", new Command("page [--port N] [--lock-after MINUTES]",
                Set.of("wallet", "port", "lock-after"), Set.of(), PageCommand::run));
        return Map.copyOf(commands);
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static void usage(PrintStream out) {
        out.println("usage: medmesh patient <command> [--wallet FILE]");
        for (String name : List.of("create", "show", "backup", "restore", "enrol", "rotate", "consent preview",
                "consent grant", "consent list", "consent status", "consent revoke", "consent narrow", "consent extend",
                "consent deliver", "link", "access", "records", "page")) {
            out.println("  " + COMMANDS.get(name).usage());
        }
        out.println("The wallet is $MEDMESH_HOME/patient/wallet.json (MEDMESH_HOME defaults to ~/.medmesh).");
        out.println("Passphrases come from MEDMESH_WALLET_PASSPHRASE and MEDMESH_BACKUP_PASSPHRASE, "
                + "else from the terminal.");
        out.println("consent preview: which of your records each hospital named would receive under these choices, "
                + "tried on what the hospital at --node keeps today with its own rules; nothing is signed or sent.");
        out.println("link: tells the hospital at --node who you are at --holder, so it can ask for the records your "
                + "consents allow (consent grant does this for grantees where you are enrolled).");
        out.println("access: who asked for your records, under all your identities, newest first; emergency "
                + "(break-glass) accesses are marked !!.");
        out.println("records: everything the hospital at --node holds about you, counted by kind; --out FILE also "
                + "saves it as received (a FHIR Bundle, readable by you only) and never replaces a file.");
        out.println("--details adds DIDs to the output; keys are never printed.");
    }
}
