package org.medmesh.node.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One run of the ingest benchmark: a fresh node on one store, the load from some number of clients, then read and
 * search latency and the {@code $everything} check on what was loaded. Prints as it goes.
 */
final class BenchIngestRun {
    private final PrintStream out;
    private final BenchIngestBundles bundles;
    private final int queries;

    BenchIngestRun(PrintStream out, BenchIngestBundles bundles, int queries) {
        this.out = out;
        this.bundles = bundles;
        this.queries = queries;
    }

    /** Returns whether every Bundle loaded and every query and check passed. */
    boolean run(BenchIngestNode.Store store, int clients, boolean validation) {
        BenchIngestReport report = new BenchIngestReport(out);
        report.heading(store, clients, validation);
        BenchIngestNode node;
        try {
            node = BenchIngestNode.start(store, validation);
        } catch (RuntimeException e) {
            out.println("  FAILED: the node did not start: " + rootCause(e));
            return false;
        }
        try (node) {
            BenchIngestLoad.Outcome load = BenchIngestLoad.run(node, bundles, clients);
            report.load(load);
            if (load.loaded().isEmpty()) {
                return false;
            }
            List<BenchIngestQueries.Latency> latency = BenchIngestQueries.run(node, load.loaded(), queries);
            report.latency(latency);
            List<BenchIngestEverything.Check> everything = BenchIngestEverything.run(node, load.loaded());
            report.everything(everything);
            return load.failures().isEmpty() && latency.stream().allMatch(l -> l.failed() == 0)
                    && everything.stream().allMatch(BenchIngestEverything.Check::ok);
        } catch (RuntimeException e) {
            out.println("  FAILED: " + rootCause(e));
            return false;
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause == e ? e.toString() : e + " (caused by " + cause + ")";
    }
}
