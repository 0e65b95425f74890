package org.medmesh.node.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code medmesh bench ingest [--synthea DIR] [--patients N] [--store h2|postgresql|both]
 * [--validation on|off|both] [--clients 1,2] [--queries N]}: loads Synthea's Bundles into a fresh provider node per store and client count,
 * over HTTP, and reports resources/s, read and search latency and {@code $everything} time, checking that
 * {@code $everything} returns everything each patient's Bundle created. Exits 1 if any Bundle, query or check
 * failed. A harness to run by hand (results and method: docs/benchmarks.md).
 */
final class BenchIngestCommand {
    static final String USAGE = "usage: medmesh bench ingest [--synthea DIR] [--patients N] "
            + "[--store h2|postgresql|both] [--validation on|off|both] [--clients N[,N…]] [--queries N]";

    private static final int WARM_UP_PATIENTS = 3;

    private final PrintStream out;

    BenchIngestCommand(PrintStream out) {
        this.out = out;
    }

    /** What to run: Bundles from {@code synthea}, every store and client count, {@code queries} per query. */
    record Config(Path synthea, int patients, List<BenchIngestNode.Store> stores, List<Integer> clients,
            List<Boolean> validation, int queries) {}

    int run(Options options) {
        Config config = config(options);
        BenchIngestBundles bundles = BenchIngestBundles.scan(config.synthea(), config.patients());
        out.printf("MedMesh ingest benchmark: %d Synthea patient Bundles (%,d entries, %,d MB) from %s, after the "
                + "hospital and practitioner Bundles%n", bundles.patients().size(), bundles.patientEntries(),
                bundles.patients().stream().mapToLong(BenchIngestBundles.Bundle::bytes).sum() >> 20, bundles.dir());
        out.printf("node in this JVM (Jetty on a free port, fresh data directory and schema per run), clients over "
                + "HTTP/1.1 with an admin token; Java %s, %d CPUs, max heap %,d MB%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        warmUp(bundles, config.validation().contains(true));
        boolean failed = false;
        for (BenchIngestNode.Store store : config.stores()) {
            for (boolean validation : config.validation()) {
                for (int clients : config.clients()) {
                    failed |= !new BenchIngestRun(out, bundles, config.queries()).run(store, clients, validation);
                }
            }
        }
        return failed ? Main.FAILED : Main.OK;
    }

    /**
     * Loads a few patients into a throwaway node on H2 first, so that the first measured run does not also pay for
     * the JIT compiling the node's code, nor for loading the validator's profiles (every run shares this JVM).
     */
    private void warmUp(BenchIngestBundles bundles, boolean validation) {
        BenchIngestBundles few = new BenchIngestBundles(bundles.dir(), bundles.shared(),
                bundles.patients().subList(0, Math.min(WARM_UP_PATIENTS, bundles.patients().size())));
        try (BenchIngestNode node = BenchIngestNode.start(BenchIngestNode.Store.H2, validation)) {
            BenchIngestLoad.Outcome load = BenchIngestLoad.run(node, few, 1);
            BenchIngestQueries.run(node, load.loaded(), 50);
            out.printf("warm-up (not counted): %d patient Bundles on a throwaway H2 node, %,.0f resources/s%n",
                    load.loaded().size(), load.resourcesPerSecond());
        } catch (RuntimeException e) {
            out.println("warm-up failed (the runs below will say why): " + e);
        }
    }

    private Config config(Options options) {
        Path synthea = options.named().containsKey("synthea") ? Path.of(options.named().get("synthea"))
                : Main.home().resolve("synthea");
        return new Config(synthea, options.integer("patients", Integer.MAX_VALUE), stores(options),
                clients(options.named().getOrDefault("clients", "1")), validation(options),
                options.integer("queries", 300));
    }

    private static List<BenchIngestNode.Store> stores(Options options) {
        String store = options.named().getOrDefault("store", "h2");
        if (store.equalsIgnoreCase("both")) {
            return List.of(BenchIngestNode.Store.H2, BenchIngestNode.Store.POSTGRESQL);
        }
        try {
            return List.of(BenchIngestNode.Store.parse(store));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--store is h2, postgresql or both", e);
        }
    }

    private static List<Boolean> validation(Options options) {
        return switch (options.named().getOrDefault("validation", "on").toLowerCase(Locale.ROOT)) {
            case "on" -> List.of(true);
            case "off" -> List.of(false);
            case "both" -> List.of(false, true);
            default -> throw new IllegalArgumentException("--validation is on, off or both");
        };
    }

    private static List<Integer> clients(String text) {
        List<Integer> clients = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                int n = Integer.parseInt(part.trim());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                clients.add(n);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--clients is a positive number or a list such as 1,2", e);
            }
        }
        return List.copyOf(clients);
    }
}
