package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Synthea's own classpath, {@code provider-node/synthea/target/lib}: resolved by Maven from the standalone
 * {@code provider-node/synthea/pom.xml} the first time it is needed. Synthea brings its own HAPI FHIR and Spring,
 * so it only ever runs in a JVM of its own with this directory as its classpath, never on the node's.
 */
final class SyntheaClasspath {
    static final String POM = "provider-node/synthea/pom.xml";
    private static final String MARKER = "synthea-3.3.0.jar";

    private SyntheaClasspath() {}

    /** The directory holding Synthea and its dependencies, resolving them first if they are missing. */
    static Path ensure(Path repo, PrintStream out) {
        Path lib = repo.resolve("provider-node/synthea/target/lib");
        if (Files.isRegularFile(lib.resolve(MARKER))) {
            return lib;
        }
        out.println("resolving Synthea's classpath once (" + POM + " → " + repo.relativize(lib) + ")…");
        List<String> command = List.of(repo.resolve("mvnw").toString(), "-q", "-B", "-ntp", "-f", POM,
                "dependency:copy-dependencies");
        int status = SyntheaProcess.run(new ProcessBuilder(command).directory(repo.toFile()).inheritIO());
        if (status != 0 || !Files.isRegularFile(lib.resolve(MARKER))) {
            throw new IllegalStateException("could not resolve Synthea's classpath: " + String.join(" ", command)
                    + " exited with " + status);
        }
        return lib;
    }

    /**
     * The MedMesh checkout: {@code $MEDMESH_REPO} (set by the launcher), else the checkout the running jar was built
     * in ({@code <repo>/provider-node/node/target/medmesh-node.jar}), else the working directory or a parent of it.
     */
    static Path repoRoot() {
        String configured = System.getenv("MEDMESH_REPO");
        if (configured != null && !configured.isBlank()) {
            Path repo = Path.of(configured).toAbsolutePath();
            if (!isRepo(repo)) {
                throw new IllegalArgumentException("MEDMESH_REPO=" + configured + " has no " + POM);
            }
            return repo;
        }
        for (Path start : List.of(codeLocation(), Path.of("").toAbsolutePath())) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (isRepo(dir)) {
                    return dir;
                }
            }
        }
        throw new IllegalArgumentException("cannot find the MedMesh checkout (with " + POM + "); set MEDMESH_REPO");
    }

    private static boolean isRepo(Path dir) {
        return Files.isRegularFile(dir.resolve(POM)) && Files.isRegularFile(dir.resolve("mvnw"));
    }

    private static Path codeLocation() {
        try {
            return Path.of(SyntheaClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath();
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** Deletes {@code dir} and everything in it, if it exists. */
    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
