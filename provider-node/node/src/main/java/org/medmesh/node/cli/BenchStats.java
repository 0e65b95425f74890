package org.medmesh.node.cli;

import java.util.Arrays;

/** Order statistics for the benchmark: medians, percentiles and spreads, by nearest rank. */
final class BenchStats {
    private BenchStats() {}

    /** The median and 95th percentile of a set of durations, in microseconds. */
    record Percentiles(double medianMicros, double p95Micros) {
        static Percentiles ofNanos(long[] nanos) {
            if (nanos.length == 0) {
                return new Percentiles(Double.NaN, Double.NaN);
            }
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Percentiles(rank(sorted, 0.50) / 1_000.0, rank(sorted, 0.95) / 1_000.0);
        }
    }

    /** The median of a metric across rounds, with its spread. */
    record Spread(double median, double min, double max) {
        static Spread of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            return new Spread(median, sorted[0], sorted[n - 1]);
        }
    }

    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
