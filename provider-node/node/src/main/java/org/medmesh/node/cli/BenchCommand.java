package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medmesh.node.adapter.out.ledger.fabric.FabricProfile;

/**
 * {@code medmesh bench ledger}: committed consent grants per second and query latency of the embedded ledger on
 * H2. {@code medmesh bench fabric}: the same grants through the node's Fabric adapter, through the Fabric Gateway
 * client directly, and through the embedded ledger. The embedded ledger lives in a fresh data directory that is
 * deleted afterwards. Harnesses to run by hand, not tests: the numbers depend on the machine (results and method:
 * docs/benchmarks.md).
 */
final class BenchCommand {
    static final String USAGE = "usage: medmesh bench ledger [--grants N] [--threads N] [--rounds N] [--patients N] "
            + "[--queries N] [--events N] [--data DIR]\n"
            + "       medmesh bench fabric [--profiles DIR] [--grants N] [--threads N] [--rounds N] [--patients N] "
            + "[--queries N] [--data DIR]\n       " + BenchIngestCommand.USAGE.substring("usage: ".length())
            + "\n       medmesh bench revocation [--nodes N] [--rounds N]"
            + "\n       medmesh bench exchange [--synthea DIR] [--rounds N] [--validation on|off]";

    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        List<String> what = options.positional();
        if (what.isEmpty() || what.equals(List.of("ledger"))) {
            return ledger(options);
        }
        if (what.equals(List.of("fabric"))) {
            return fabric(options);
        }
        if (what.equals(List.of("ingest"))) {
            return new BenchIngestCommand(out).run(options);
        }
        if (what.equals(List.of("exchange"))) {
            return new BenchExchange(out).run(options);
        }
        if (what.equals(List.of("revocation"))) {
            return new BenchRevocation(out).run(options);
        }
        throw new IllegalArgumentException(USAGE);
    }

    private int ledger(Options options) {
        BenchLedger.Config config = new BenchLedger.Config(options.integer("grants", 2_000),
                options.integer("threads", 8), options.integer("rounds", 5), options.integer("patients", 200),
                options.integer("queries", 2_000), options.integer("events", 1_000));
        out.printf("MedMesh ledger benchmark: embedded ledger on H2 (file), 2 organisations, %d patients%n",
                config.patients());
        out.printf("%d grants per round from %d threads, %d rounds after a warm-up of 3 rounds' worth; Java %s, %d CPUs%n",
                config.grants(), config.threads(), config.rounds(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        BenchLedger.Result result = inFreshDirectory(options, dir -> new BenchLedger(config).run(dir));
        new BenchReport(out).print(result);
        return result.failures() == 0 ? Main.OK : Main.FAILED;
    }

    private int fabric(Options options) {
        BenchFabric.Config config = new BenchFabric.Config(options.integer("grants", 400),
                options.integer("threads", 16), options.integer("rounds", 5), options.integer("patients", 100),
                options.integer("queries", 200));
        List<FabricProfile> profiles = profiles(options.named().containsKey("profiles")
                ? Path.of(options.named().get("profiles")) : Main.home().resolve("fabric").resolve("profiles"));
        out.printf("MedMesh Fabric benchmark: consent grants relayed by %s and %s, %d patients; modes: the node's "
                + "Fabric adapter, the Gateway client directly, the embedded ledger (H2)%n", profiles.get(0).mspId(),
                profiles.get(1).mspId(), config.patients());
        out.printf("%d grants per round and mode from %d threads, readConsent %d per round and mode from 1 thread, "
                + "%d rounds after a warm-up, modes interleaved; Java %s, %d CPUs%n", config.grants(),
                config.threads(), config.queries(), config.rounds(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        BenchFabric.Result result = inFreshDirectory(options,
                dir -> new BenchFabric(config).run(profiles.get(0), profiles.get(1), dir));
        new BenchFabricReport(out).print(result);
        return result.failures() == 0 ? Main.OK : Main.FAILED;
    }

    /** The first two connection profiles in {@code dir} (by name): the holding and the receiving organisation. */
    private static List<FabricProfile> profiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<FabricProfile> profiles = files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted()
                    .limit(2).map(FabricProfile::read).toList();
            if (profiles.size() < 2) {
                throw new IllegalArgumentException("need two connection profiles in " + dir);
            }
            return profiles;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot list connection profiles in " + dir
                    + " (network-config/fabric.sh up writes them)", e);
        }
    }

    /** Runs a benchmark in a fresh directory for its embedded ledger, and deletes that afterwards. */
    private <T> T inFreshDirectory(Options options, Function<Path, T> benchmark) {
        Path dir = freshDirectory(options.data(Path.of(System.getProperty("java.io.tmpdir"))));
        try {
            return benchmark.apply(dir);
        } finally {
            delete(dir);
        }
    }

    private static Path freshDirectory(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "medmesh-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException | UncheckedIOException e) {
            out.println("warning: could not delete " + dir + " (" + e.getMessage() + ")");
        }
    }
}
