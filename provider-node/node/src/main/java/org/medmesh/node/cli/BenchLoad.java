package org.medmesh.node.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs {@code count} numbered operations from a fixed number of threads, each taking the next number as soon as
 * its previous operation returns (a closed loop, as nodes relaying blocking submissions behave). Times the whole
 * run from the moment every thread is ready, and each operation.
 */
final class BenchLoad {
    private BenchLoad() {}

    /** What a run achieved; {@code firstFailure} is the first failure's class and message, or empty. */
    record Outcome(int count, int failed, String firstFailure, long elapsedNanos,
            BenchStats.Percentiles latency) {
        double perSecond() {
            return (count - failed) / (elapsedNanos / 1e9);
        }
    }

    static Outcome run(int count, int threads, IntConsumer operation) {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<String> firstFailure = new AtomicReference<>("");
        long[] latency = new long[count];
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                ready.countDown();
                awaitQuietly(start);
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    long begin = System.nanoTime();
                    try {
                        operation.accept(i);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet("", e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    latency[i] = System.nanoTime() - begin;
                }
            }, "bench-worker-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        awaitQuietly(ready);
        long begin = System.nanoTime();
        start.countDown();
        workers.forEach(BenchLoad::joinQuietly);
        long elapsed = System.nanoTime() - begin;
        return new Outcome(count, failed.get(), firstFailure.get(), elapsed, BenchStats.Percentiles.ofNanos(latency));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the benchmark", e);
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the benchmark", e);
        }
    }
}
