package org.medmesh.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.medmesh.patient.cli.PatientCli;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Entry point of {@code ./medmesh}: dispatches to a subcommand and exits with its status. */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Main() {}

    public static void main(String[] args) {
        // Fabric's shim logs through java.util.logging; route it to SLF4J so one configuration governs all.
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        System.exit(run(Arrays.asList(args), System.out, System.err));
    }

    /** Runs a subcommand; returns the process exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || List.of("help", "--help", "-h").contains(args.get(0))) {
            usage(out);
            return OK;
        }
        if (args.get(0).equals("patient")) {
            // The patient's wallet has its own command line (patient-app); the launcher only hands it over.
            return PatientCli.run(args.subList(1, args.size()).toArray(String[]::new), out, err, System.getenv(),
                    Clock.systemUTC(), new SecureRandom());
        }
        Options options = Options.parse(args.subList(1, args.size()));
        try {
            return switch (args.get(0)) {
                case "node" -> new NodeCommand(out).run(options);
                case "token" -> new TokenCommand(out).run(options);
                case "demo" -> new DemoCommand(out).run(options.data(home().resolve("demo")),
                        options.flags().contains("keep"));
                case "ledger" -> ledger(options, out, err);
                case "bench" -> new BenchCommand(out).run(options);
                case "synthea" -> new SyntheaCommand(out).run(options);
                default -> {
                    err.println("unknown command: " + args.get(0));
                    usage(err);
                    yield USAGE;
                }
            };
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        }
    }

    private static int ledger(Options options, PrintStream out, PrintStream err) {
        if (!options.positional().equals(List.of("verify"))) {
            err.println("usage: medmesh ledger verify [--data DIR]");
            return USAGE;
        }
        return new LedgerVerifyCommand(out, err).run(options.data(home()));
    }

    static Path home() {
        String home = System.getenv("MEDMESH_HOME");
        return home == null || home.isBlank() ? Path.of(System.getProperty("user.home"), ".medmesh") : Path.of(home);
    }

    private static void usage(PrintStream out) {
        out.println("usage: medmesh <command> [options]");
        out.println("  node [--config FILE]        run a provider node (FHIR API at http://127.0.0.1:8080/fhir)");
        out.println("  token --role ROLE [--data DIR]  print a bearer token the node accepts "
                + "(clinician, admin, auditor)");
        out.println("  patient <command>           the patient's wallet: create, enrol, consent grant|revoke|narrow|extend…"
                + " (medmesh patient help)");
        out.println("  demo [--data DIR] [--keep]  the MedMesh story on embedded defaults (embedded ledger, H2); "
                + "--keep leaves the nodes and the patient's page running");
        out.println("  ledger verify [--data DIR]  check every block's hashes, links and orderer signature");
        out.println("  bench ledger [--grants N] [--threads N]   consent grants/s and query latency, embedded on H2");
        out.println("  bench fabric [--profiles DIR] [--grants N] [--threads N] [--rounds N]");
        out.println("                              grants/s through the Fabric adapter vs the Gateway client");
        out.println("  bench ingest [--synthea DIR] [--store h2|postgresql|both] [--clients 1,2]");
        out.println("                              Synthea Bundles into a node over HTTP: resources/s, query latency");
        out.println("  synthea [--patients N] [--seed S] [--out DIR]   generate patients with Synthea (own JVM)");
    }
}
