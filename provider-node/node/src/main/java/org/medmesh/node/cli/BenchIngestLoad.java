package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loads Synthea's Bundles into a node over HTTP: the hospital and practitioner batches first, one after the other
 * (patient Bundles refer to them conditionally), then every patient's transaction from {@code clients} threads in
 * a closed loop. Patient Bundles are handed out largest first, so that the clients finish at about the same time
 * instead of one waiting for the other's last, largest Bundle.
 */
final class BenchIngestLoad {
    private static final Pattern LOCATION = Pattern.compile("([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(/_history/.*)?$");

    private BenchIngestLoad() {}

    /**
     * One Bundle posted: the HTTP status, how long it took, the {@code Type/id} each entry created or matched (in
     * entry order), the patient's id, and what went wrong ({@code null} when every entry succeeded).
     */
    record Posted(BenchIngestBundles.Bundle bundle, int status, long nanos, List<String> locations, String patientId,
            String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    /** The load phase: shared Bundles (timed on their own), then the patients' (wall clock of that phase). */
    record Outcome(List<Posted> shared, long sharedNanos, List<Posted> patients, long elapsedNanos) {
        List<Posted> loaded() {
            return patients.stream().filter(Posted::ok).toList();
        }

        int loadedEntries() {
            return loaded().stream().mapToInt(p -> p.bundle().entries()).sum();
        }

        double resourcesPerSecond() {
            return loadedEntries() / (elapsedNanos / 1e9);
        }

        double bundlesPerSecond() {
            return loaded().size() / (elapsedNanos / 1e9);
        }

        List<Posted> failures() {
            List<Posted> failed = new ArrayList<>(shared.stream().filter(p -> !p.ok()).toList());
            failed.addAll(patients.stream().filter(p -> !p.ok()).toList());
            return failed;
        }
    }

    static Outcome run(BenchIngestNode node, BenchIngestBundles bundles, int clients) {
        long begin = System.nanoTime();
        List<Posted> shared = bundles.shared().stream().map(b -> post(node, b)).toList();
        long sharedNanos = System.nanoTime() - begin;
        List<BenchIngestBundles.Bundle> order = bundles.patients().stream()
                .sorted(Comparator.comparingLong(BenchIngestBundles.Bundle::bytes).reversed()).toList();
        Posted[] posted = new Posted[order.size()];
        BenchLoad.Outcome load = BenchLoad.run(order.size(), clients, i -> posted[i] = post(node, order.get(i)));
        List<Posted> patients = new ArrayList<>();
        for (int i = 0; i < posted.length; i++) {
            patients.add(posted[i] != null ? posted[i]
                    : new Posted(order.get(i), 0, 0, List.of(), null, "client error: " + load.firstFailure()));
        }
        return new Outcome(shared, sharedNanos, patients, load.elapsedNanos());
    }

    private static Posted post(BenchIngestNode node, BenchIngestBundles.Bundle bundle) {
        long begin = System.nanoTime();
        HttpResponse<String> response = node.post(bundle.file());
        long nanos = System.nanoTime() - begin;
        if (response.statusCode() != 200) {
            return new Posted(bundle, response.statusCode(), nanos, List.of(), null,
                    "HTTP " + response.statusCode() + ": " + BenchIngestOutcomes.describe(response.body()));
        }
        JsonNode entries = BenchIngestOutcomes.parse(response.body()).path("entry");
        List<String> locations = new ArrayList<>();
        String failure = entries.size() == bundle.entries() ? null
                : "response has " + entries.size() + " entries for " + bundle.entries();
        for (int i = 0; i < entries.size(); i++) {
            JsonNode answer = entries.get(i).path("response");
            if (!answer.path("status").asText().startsWith("2") && failure == null) {
                failure = "entry " + i + ": " + answer.path("status").asText() + " "
                        + BenchIngestOutcomes.describe(answer.path("outcome"));
            }
            locations.add(typeAndId(answer.path("location").asText("")));
        }
        String patient = bundle.patientEntry() >= 0 && bundle.patientEntry() < locations.size()
                ? locations.get(bundle.patientEntry()) : "";
        return new Posted(bundle, response.statusCode(), nanos, locations,
                patient.startsWith("Patient/") ? patient.substring("Patient/".length()) : null, failure);
    }

    /** {@code Type/id} of a location such as {@code Patient/123/_history/1}, or "" when there is none. */
    static String typeAndId(String location) {
        Matcher matcher = LOCATION.matcher(location);
        return matcher.find() ? matcher.group(1) + "/" + matcher.group(2) : "";
    }
}
