package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Read and search latency after the load, from one client: each query a fixed number of times over the loaded
 * patients in turn, after a few untimed calls. A search for a loaded patient's family name that finds nobody
 * counts as a failure.
 */
final class BenchIngestQueries {
    private BenchIngestQueries() {}

    /** One query's latency (nearest-rank percentiles) and failures. */
    record Latency(String query, int count, int failed, String firstFailure, double p50Millis, double p99Millis) {}

    static List<Latency> run(BenchIngestNode node, List<BenchIngestLoad.Posted> loaded, int requests) {
        List<BenchIngestLoad.Posted> patients = loaded.stream().filter(p -> p.patientId() != null).toList();
        if (patients.isEmpty()) {
            return List.of();
        }
        IntFunction<BenchIngestLoad.Posted> patient = i -> patients.get(i % patients.size());
        return List.of(
                measure(node, "GET Patient/{id}", requests, i -> "Patient/" + patient.apply(i).patientId(), false),
                measure(node, "GET Observation?patient={id}&_count=50", requests,
                        i -> "Observation?patient=" + patient.apply(i).patientId() + "&_count=50", false),
                measure(node, "GET Patient?family={family}", requests,
                        i -> "Patient?family=" + URLEncoder.encode(patient.apply(i).bundle().family(),
                                StandardCharsets.UTF_8), true));
    }

    private static Latency measure(BenchIngestNode node, String query, int requests, IntFunction<String> path,
            boolean mustFind) {
        int warmUp = Math.max(10, requests / 10);
        for (int i = 0; i < warmUp; i++) {
            node.get(path.apply(i));
        }
        long[] nanos = new long[requests];
        int failed = 0;
        String firstFailure = "";
        for (int i = 0; i < requests; i++) {
            long begin = System.nanoTime();
            HttpResponse<String> response = node.get(path.apply(i));
            nanos[i] = System.nanoTime() - begin;
            String failure = failure(response, mustFind);
            if (failure != null) {
                failed++;
                firstFailure = firstFailure.isEmpty() ? failure : firstFailure;
            }
        }
        Arrays.sort(nanos);
        return new Latency(query, requests, failed, firstFailure, rank(nanos, 0.50), rank(nanos, 0.99));
    }

    private static String failure(HttpResponse<String> response, boolean mustFind) {
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode() + ": " + BenchIngestOutcomes.describe(response.body());
        }
        if (mustFind) {
            JsonNode bundle = BenchIngestOutcomes.parse(response.body());
            if (bundle.path("entry").isEmpty()) {
                return "a loaded patient's family name found nobody";
            }
        }
        return null;
    }

    private static double rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
