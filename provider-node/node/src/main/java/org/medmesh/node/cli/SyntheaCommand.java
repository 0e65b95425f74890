package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code medmesh synthea [--patients N] [--seed S] [--out DIR]}: generates synthetic patients with Synthea 3.3.0 as
 * FHIR R4 transaction Bundles in {@code DIR/fhir} (default {@code $MEDMESH_HOME/synthea}), with the hospital and
 * practitioner Bundles that must be loaded first. Synthea runs in a JVM of its own, on its own classpath
 * ({@link SyntheaClasspath}). Earlier output in {@code DIR} is replaced; Synthea's console output goes to
 * {@code DIR/synthea.log} (it names the synthetic patients).
 */
final class SyntheaCommand {
    static final String USAGE = "usage: medmesh synthea [--patients N] [--seed S] [--out DIR]";

    private final PrintStream out;

    SyntheaCommand(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        if (!options.positional().isEmpty()) {
            throw new IllegalArgumentException(USAGE);
        }
        int patients = options.integer("patients", 20);
        long seed = seed(options.named().getOrDefault("seed", "1"));
        Path dir = options.named().containsKey("out") ? Path.of(options.named().get("out"))
                : Main.home().resolve("synthea");
        dir = dir.toAbsolutePath();
        Path lib = SyntheaClasspath.ensure(SyntheaClasspath.repoRoot(), out);
        prepare(dir);
        Path log = dir.resolve("synthea.log");
        out.printf("Synthea 3.3.0: %d living patients (and those who died on the way), seed %d → %s (log: %s)%n",
                patients, seed, dir.resolve("fhir"), log);
        int status = SyntheaProcess.run(new ProcessBuilder(command(lib, patients, seed, dir))
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()));
        if (status != 0) {
            out.println("Synthea failed (exit " + status + "); see " + log);
            return Main.FAILED;
        }
        return summarise(dir.resolve("fhir"), log);
    }

    /** Synthea's command line; every option is one of Synthea 3.3.0's ({@code App -h}, its synthea.properties). */
    static List<String> command(Path lib, int patients, long seed, Path dir) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib.resolve("*").toString(), "App",
                "-p", Integer.toString(patients), "-s", Long.toString(seed), "-cs", Long.toString(seed),
                "--exporter.baseDirectory=" + dir + "/",
                "--exporter.fhir.export=true",
                "--exporter.fhir.transaction_bundle=true",
                "--exporter.hospital.fhir.export=true",
                "--exporter.practitioner.fhir.export=true",
                "--exporter.ccda.export=false",
                "--exporter.csv.export=false");
    }

    private static long seed(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--seed must be a number", e);
        }
    }

    /** Synthea adds to what is there; start from empty output folders so that one run is one data set. */
    private static void prepare(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        SyntheaClasspath.deleteRecursively(dir.resolve("fhir"));
        SyntheaClasspath.deleteRecursively(dir.resolve("metadata"));
    }

    private int summarise(Path fhir, Path log) {
        try (Stream<Path> files = Files.list(fhir)) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
            long hospitals = names.stream().filter(n -> n.startsWith("hospitalInformation")).count();
            long practitioners = names.stream().filter(n -> n.startsWith("practitionerInformation")).count();
            out.printf("%d patient Bundles, %d hospital and %d practitioner Bundles (load those first) in %s%n",
                    names.size() - hospitals - practitioners, hospitals, practitioners, fhir);
            try (Stream<String> lines = Files.lines(log)) {
                lines.filter(l -> l.startsWith("Records: ")).findFirst().ifPresent(out::println);
            }
            return hospitals == 1 && practitioners == 1 ? Main.OK : Main.FAILED;
        } catch (IOException e) {
            out.println("Synthea wrote no FHIR output in " + fhir + " (" + e.getMessage() + "); see " + log);
            return Main.FAILED;
        }
    }
}
