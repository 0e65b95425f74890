package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code medmesh bench ledger}: committed consent grants per second and query latency of the embedded ledger on
 * H2, in a fresh data directory that is deleted afterwards. A harness to run by hand, not a test: the numbers
 * depend on the machine (results and method: docs/benchmarks.md).
 */
final class BenchCommand {
    private final PrintStream out;

    BenchCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        if (!options.positional().isEmpty() && !options.positional().equals(List.of("ledger"))) {
            throw new IllegalArgumentException("usage: medmesh bench ledger [--grants N] [--threads N] "
                    + "[--rounds N] [--patients N] [--queries N] [--events N] [--data DIR]");
        }
        BenchLedger.Config config = new BenchLedger.Config(options.integer("grants", 2_000),
                options.integer("threads", 8), options.integer("rounds", 5), options.integer("patients", 200),
                options.integer("queries", 2_000), options.integer("events", 1_000));
        Path dir = freshDirectory(options.data(Path.of(System.getProperty("java.io.tmpdir"))));
        out.printf("MedMesh ledger benchmark: embedded ledger on H2 (file), 2 organisations, %d patients%n",
                config.patients());
        out.printf("%d grants per round from %d threads, %d rounds after a warm-up; Java %s, %d CPUs%n",
                config.grants(), config.threads(), config.rounds(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        BenchLedger.Result result;
        try {
            result = new BenchLedger(config).run(dir);
        } finally {
            delete(dir);
        }
        new BenchReport(out).print(result);
        return result.failures() == 0 ? Main.OK : Main.FAILED;
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
