package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Bundles Synthea wrote to {@code DIR/fhir}: the hospital and practitioner batches that patient Bundles refer
 * to conditionally ({@code Practitioner?identifier=…}), then one transaction per patient. Scanned once before
 * anything is timed; the files themselves are streamed to the node.
 */
record BenchIngestBundles(Path dir, List<Bundle> shared, List<Bundle> patients) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One Bundle file; for a patient, the index of its Patient entry and the patient's family name. */
    record Bundle(Path file, String type, int entries, int patientEntry, String family) {
        long bytes() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    int patientEntries() {
        return patients.stream().mapToInt(Bundle::entries).sum();
    }

    /** Reads {@code dir} (Synthea's output folder or its {@code fhir} folder); at most {@code limit} patients. */
    static BenchIngestBundles scan(Path dir, int limit) {
        Path fhir = Files.isDirectory(dir.resolve("fhir")) ? dir.resolve("fhir") : dir;
        List<Path> files = jsonFiles(fhir);
        List<Bundle> shared = new ArrayList<>();
        for (String prefix : List.of("hospitalInformation", "practitionerInformation")) {
            List<Path> matching = files.stream().filter(f -> name(f).startsWith(prefix)).toList();
            if (matching.size() != 1) {
                throw new IllegalArgumentException("expected one " + prefix + "*.json in " + fhir + ", found "
                        + matching.size() + " (generate with ./medmesh synthea --out " + dir + ")");
            }
            shared.add(read(matching.get(0)));
        }
        List<Bundle> patients = files.stream().filter(f -> !name(f).startsWith("hospitalInformation")
                && !name(f).startsWith("practitionerInformation")).limit(limit).map(BenchIngestBundles::read).toList();
        if (patients.isEmpty()) {
            throw new IllegalArgumentException("no patient Bundles in " + fhir);
        }
        return new BenchIngestBundles(fhir, List.copyOf(shared), patients);
    }

    private static List<Path> jsonFiles(Path fhir) {
        try (Stream<Path> files = Files.list(fhir)) {
            return files.filter(f -> name(f).endsWith(".json")).sorted(Comparator.comparing(Path::toString)).toList();
        } catch (IOException e) {
            throw new IllegalArgumentException("no Synthea output in " + fhir + " (generate it with "
                    + "./medmesh synthea --patients 20)", e);
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString();
    }

    private static Bundle read(Path file) {
        JsonNode bundle;
        try {
            bundle = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode entries = bundle.path("entry");
        int patientEntry = -1;
        for (int i = 0; i < entries.size() && patientEntry < 0; i++) {
            if ("Patient".equals(entries.get(i).path("resource").path("resourceType").asText())) {
                patientEntry = i;
            }
        }
        String family = patientEntry < 0 ? ""
                : entries.get(patientEntry).path("resource").path("name").path(0).path("family").asText("");
        return new Bundle(file, bundle.path("type").asText(), entries.size(), patientEntry, family);
    }
}
