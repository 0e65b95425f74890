package org.medmesh.node.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;

/** Prints the Fabric benchmark: grants per second round by round, latencies, and the ratios between modes. */
final class BenchFabricReport {
    static final double TARGET_ADAPTER_SHARE = 0.90;

    private final PrintStream out;

    BenchFabricReport(PrintStream out) {
        this.out = out;
    }

    void print(BenchFabric.Result result) {
        List<BenchFabric.Series> series = result.series();
        int signed = result.config().grants() * (result.config().rounds() + 1) * series.size();
        line("pre-signed %d grant JWS in %.1f s (wallet cost: not in the figures below)", signed,
                result.presignSeconds());
        out.println();
        BenchStats.Spread share = rates(series.get(0), series.get(1), series.get(2));
        out.println();
        line("%-10s %16s %16s %18s %18s", "median of", "grant p50 ms", "grant p95 ms", "readConsent p50 µs",
                "readConsent p95 µs");
        series.forEach(this::latencies);
        out.println();
        double adapter = median(series.get(0).grants(), BenchLoad.Outcome::perSecond);
        double embedded = median(series.get(2).grants(), BenchLoad.Outcome::perSecond);
        line("adapter/embedded: %.1f%% of the embedded ledger's grants/s (%.0f× fewer)", 100 * adapter / embedded,
                embedded / adapter);
        line("aim: adapter ≥ %.0f%% of direct grants/s: %s (median of the rounds' ratios %.1f%%, min–max %s%%)",
                100 * TARGET_ADAPTER_SHARE, share.median() >= TARGET_ADAPTER_SHARE ? "met" : "MISSED",
                100 * share.median(), BenchReport.range(scaled(share), "%.1f"));
        if (result.failures() > 0) {
            line("FAILED: %d operations failed; first: %s", result.failures(), series.stream()
                    .flatMap(s -> s.all().stream()).map(BenchLoad.Outcome::firstFailure)
                    .filter(f -> !f.isEmpty()).findFirst().orElse(""));
        }
    }

    /** Grants per second per round and mode, with adapter/direct per round; returns that ratio's spread. */
    private BenchStats.Spread rates(BenchFabric.Series adapter, BenchFabric.Series direct,
            BenchFabric.Series embedded) {
        line("%-9s %12s %12s %12s %15s", "grants/s", adapter.name(), direct.name(), embedded.name(),
                "adapter/direct");
        rateRow("warm-up", adapter.warmUp(), direct.warmUp(), embedded.warmUp());
        int rounds = adapter.grants().size();
        for (int i = 0; i < rounds; i++) {
            rateRow(Integer.toString(i + 1), adapter.grants().get(i), direct.grants().get(i),
                    embedded.grants().get(i));
        }
        BenchStats.Spread share = BenchStats.Spread.of(IntStream.range(0, rounds)
                .mapToDouble(i -> adapter.grants().get(i).perSecond() / direct.grants().get(i).perSecond())
                .toArray());
        BenchStats.Spread a = spread(adapter.grants(), BenchLoad.Outcome::perSecond);
        BenchStats.Spread d = spread(direct.grants(), BenchLoad.Outcome::perSecond);
        BenchStats.Spread e = spread(embedded.grants(), BenchLoad.Outcome::perSecond);
        line("%-9s %12.1f %12.1f %12.1f %14.1f%%", "median", a.median(), d.median(), e.median(),
                100 * share.median());
        line("%-9s %12s %12s %12s %14s%%", "min–max", BenchReport.range(a, "%.1f"), BenchReport.range(d, "%.1f"),
                BenchReport.range(e, "%.0f"), BenchReport.range(scaled(share), "%.1f"));
        return share;
    }

    private void rateRow(String label, BenchLoad.Outcome adapter, BenchLoad.Outcome direct,
            BenchLoad.Outcome embedded) {
        line("%-9s %12.1f %12.1f %12.1f %14.1f%%", label, adapter.perSecond(), direct.perSecond(),
                embedded.perSecond(), 100 * adapter.perSecond() / direct.perSecond());
    }

    private void latencies(BenchFabric.Series series) {
        line("%-10s %16.1f %16.1f %18.0f %18.0f", series.name(),
                median(series.grants(), o -> o.latency().medianMicros() / 1_000),
                median(series.grants(), o -> o.latency().p95Micros() / 1_000),
                median(series.reads(), o -> o.latency().medianMicros()),
                median(series.reads(), o -> o.latency().p95Micros()));
    }

    private static double median(List<BenchLoad.Outcome> rounds, ToDoubleFunction<BenchLoad.Outcome> metric) {
        return spread(rounds, metric).median();
    }

    private static BenchStats.Spread spread(List<BenchLoad.Outcome> rounds,
            ToDoubleFunction<BenchLoad.Outcome> metric) {
        return BenchStats.Spread.of(rounds.stream().mapToDouble(metric).toArray());
    }

    private static BenchStats.Spread scaled(BenchStats.Spread share) {
        return new BenchStats.Spread(100 * share.median(), 100 * share.min(), 100 * share.max());
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
