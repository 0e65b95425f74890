package org.medmesh.node.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints a benchmark result as a small plain-text table. */
final class BenchReport {
    static final double TARGET_GRANTS_PER_SECOND = 1_000;

    private final PrintStream out;

    BenchReport(PrintStream out) {
        this.out = out;
    }

    void print(BenchLedger.Result result) {
        BenchLedger.Config config = result.config();
        int signed = config.grants() * (config.rounds() + 1);
        line("pre-signed %d grant JWS in %.1f s (%.0f/s, wallet cost: not in the figures below)", signed,
                result.presignSeconds(), signed / result.presignSeconds());
        out.println();
        double medianRate = rounds(result);
        out.println();
        BenchLedger.Round access = result.accessEvents();
        line("access events recorded: %d from %d threads, %.0f/s, %d blocks, %.1f tx/block, p50 %.1f ms",
                access.outcome().count(), config.threads(), access.outcome().perSecond(), access.blocks(),
                access.txPerBlock(), access.outcome().latency().medianMicros() / 1_000);
        out.println();
        line("%-36s %10s %10s", "query (1 thread, " + config.queries() + " each)", "median µs", "p95 µs");
        query("readConsent", result.readConsent());
        query("consentsByPatient (page of 20)", result.consentsByPatient());
        query("accessByPatient (page of 20)", result.accessByPatient());
        out.println();
        line("ledger height %d blocks; target ≥ %.0f committed grants/s: %s (median %.0f/s)", result.height(),
                TARGET_GRANTS_PER_SECOND, medianRate >= TARGET_GRANTS_PER_SECOND ? "met" : "MISSED", medianRate);
        if (result.failures() > 0) {
            line("FAILED: %d operations failed; first: %s", result.failures(), firstFailure(result));
        }
    }

    /** The per-round table with its median and spread; returns the median of committed grants per second. */
    private double rounds(BenchLedger.Result result) {
        line("%-9s %10s %8s %9s %14s %14s", "round", "grants/s", "blocks", "tx/block", "latency p50 ms",
                "latency p95 ms");
        row("warm-up", result.warmUp());
        for (int i = 0; i < result.rounds().size(); i++) {
            row(Integer.toString(i + 1), result.rounds().get(i));
        }
        List<BenchLedger.Round> rounds = result.rounds();
        BenchStats.Spread rate = spread(rounds, r -> r.outcome().perSecond());
        BenchStats.Spread perBlock = spread(rounds, BenchLedger.Round::txPerBlock);
        BenchStats.Spread p50 = spread(rounds, r -> r.outcome().latency().medianMicros() / 1_000);
        BenchStats.Spread p95 = spread(rounds, r -> r.outcome().latency().p95Micros() / 1_000);
        line("%-9s %10.0f %8s %9.1f %14.1f %14.1f", "median", rate.median(), "", perBlock.median(), p50.median(),
                p95.median());
        line("%-9s %10s %8s %9s %14s %14s", "min–max", range(rate, "%.0f"), "", range(perBlock, "%.1f"),
                range(p50, "%.1f"), range(p95, "%.1f"));
        return rate.median();
    }

    private void row(String label, BenchLedger.Round round) {
        BenchLoad.Outcome outcome = round.outcome();
        line("%-9s %10.0f %8d %9.1f %14.1f %14.1f", label, outcome.perSecond(), round.blocks(), round.txPerBlock(),
                outcome.latency().medianMicros() / 1_000, outcome.latency().p95Micros() / 1_000);
    }

    private void query(String label, BenchLoad.Outcome outcome) {
        line("%-36s %10.0f %10.0f", label, outcome.latency().medianMicros(), outcome.latency().p95Micros());
    }

    private static BenchStats.Spread spread(List<BenchLedger.Round> rounds,
            ToDoubleFunction<BenchLedger.Round> metric) {
        return BenchStats.Spread.of(rounds.stream().mapToDouble(metric).toArray());
    }

    static String range(BenchStats.Spread spread, String format) {
        return String.format(Locale.ROOT, format, spread.min()) + "–" + String.format(Locale.ROOT, format,
                spread.max());
    }

    private static String firstFailure(BenchLedger.Result result) {
        List<BenchLoad.Outcome> all = new ArrayList<>();
        all.add(result.warmUp().outcome());
        result.rounds().forEach(r -> all.add(r.outcome()));
        all.addAll(List.of(result.accessEvents().outcome(), result.readConsent(), result.consentsByPatient(),
                result.accessByPatient()));
        return all.stream().map(BenchLoad.Outcome::firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse("");
    }

    private void line(String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
