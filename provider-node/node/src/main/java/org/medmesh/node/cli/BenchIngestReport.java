package org.medmesh.node.cli;

import java.io.PrintStream;
import java.util.List;

/** Prints one ingest run: the load, read and search latency, and the {@code $everything} check. */
final class BenchIngestReport {
    private static final int SHOWN_FAILURES = 5;

    private final PrintStream out;

    BenchIngestReport(PrintStream out) {
        this.out = out;
    }

    void heading(BenchIngestNode.Store store, int clients, boolean validation) {
        out.printf("%n== %s, %d client%s, validation %s ==%n", store.label(), clients, clients == 1 ? "" : "s",
                validation ? "on" : "off");
    }

    void load(BenchIngestLoad.Outcome load) {
        for (BenchIngestLoad.Posted shared : load.shared()) {
            out.printf("  %-26s %5d entries  %7.0f ms  %s%n", shared.bundle().file().getFileName().toString()
                    .replaceAll("\\d+\\.json$", "…"), shared.bundle().entries(), shared.nanos() / 1e6,
                    shared.ok() ? "ok" : "FAILED " + shared.failure());
        }
        long[] bundleMillis = load.patients().stream().mapToLong(p -> p.nanos() / 1_000_000).sorted().toArray();
        out.printf("  patient Bundles: %d of %d loaded, %,d resources in %.1f s%n", load.loaded().size(),
                load.patients().size(), load.loadedEntries(), load.elapsedNanos() / 1e9);
        out.printf("  ingest: %,.0f resources/s, %.2f Bundles/s (per Bundle: median %,d ms, max %,d ms)%n",
                load.resourcesPerSecond(), load.bundlesPerSecond(), median(bundleMillis),
                bundleMillis.length == 0 ? 0 : bundleMillis[bundleMillis.length - 1]);
        List<BenchIngestLoad.Posted> failed = load.failures();
        failed.stream().limit(SHOWN_FAILURES).forEach(p -> out.printf("  FAILED Bundle (%d entries): %s%n",
                p.bundle().entries(), p.failure()));
        if (failed.size() > SHOWN_FAILURES) {
            out.printf("  … and %d more failed Bundles%n", failed.size() - SHOWN_FAILURES);
        }
    }

    void latency(List<BenchIngestQueries.Latency> latency) {
        for (BenchIngestQueries.Latency query : latency) {
            out.printf("  %-40s p50 %7.2f ms  p99 %7.2f ms  (%d requests%s)%n", query.query(), query.p50Millis(),
                    query.p99Millis(), query.count(), query.failed() == 0 ? ""
                            : ", " + query.failed() + " FAILED: " + query.firstFailure());
        }
    }

    void everything(List<BenchIngestEverything.Check> checks) {
        long[] millis = checks.stream().mapToLong(c -> c.nanos() / 1_000_000).sorted().toArray();
        int returned = checks.stream().mapToInt(BenchIngestEverything.Check::returned).sum();
        double seconds = checks.stream().mapToLong(BenchIngestEverything.Check::nanos).sum() / 1e9;
        out.printf("  $everything (_count=500, following next): %d patients, per patient median %,d ms, max %,d ms; "
                + "%,d resources in %.1f s (%,.0f resources/s)%n", checks.size(), median(millis),
                millis.length == 0 ? 0 : millis[millis.length - 1], returned, seconds, returned / seconds);
        List<BenchIngestEverything.Check> failed = checks.stream().filter(c -> !c.ok()).toList();
        out.printf("  $everything check: %d of %d patients complete%n", checks.size() - failed.size(), checks.size());
        failed.stream().limit(SHOWN_FAILURES).forEach(this::mismatch);
        if (failed.size() > SHOWN_FAILURES) {
            out.printf("  … and %d more patients%n", failed.size() - SHOWN_FAILURES);
        }
    }

    private void mismatch(BenchIngestEverything.Check check) {
        out.printf("  MISMATCH Patient/%s: %d pages, %d returned, %d created; missing created %d %s; missing "
                + "referenced %d %s; unresolved references %s%s%n", check.patientId(), check.pages(),
                check.returned(), check.created(), check.missingCreated().size(), sample(check.missingCreated()),
                check.missingReferenced().size(), sample(check.missingReferenced()), check.unresolved(),
                check.failure() == null ? "" : "; " + check.failure());
    }

    private static String sample(List<String> ids) {
        return ids.isEmpty() ? "" : ids.subList(0, Math.min(3, ids.size())).toString();
    }

    private static long median(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
    }
}
