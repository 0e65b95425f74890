package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single orderer and committer: takes endorsed transactions in arrival order, cuts them into blocks (as many
 * as are waiting, up to a maximum, optionally waiting a batch timeout for more), validates, signs, stores, and
 * only then applies the block and answers the submitters. A failed store write applies nothing.
 */
final class Committer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);

    /** Where a transaction ended up. */
    record Commit(long blockNumber, TxValidationCode code) {}

    private record Pending(Envelope envelope, CompletableFuture<Commit> result) {}

    private final LedgerCore core;
    private final Clock clock;
    private final Duration batchTimeout;
    private final int maxBatchSize;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    Committer(LedgerCore core, Clock clock, Duration batchTimeout, int maxBatchSize) {
        this.core = core;
        this.clock = clock;
        this.batchTimeout = batchTimeout;
        this.maxBatchSize = maxBatchSize;
        this.thread = new Thread(this::run, "embedded-ledger-committer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    CompletableFuture<Commit> enqueue(Envelope envelope) {
        CompletableFuture<Commit> result = new CompletableFuture<>();
        if (!running) {
            result.completeExceptionally(closed());
            return result;
        }
        queue.add(new Pending(envelope, result));
        return result;
    }

    private void run() {
        while (running) {
            try {
                List<Pending> batch = nextBatch();
                if (!batch.isEmpty()) {
                    commit(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.result().completeExceptionally(closed()));
    }

    private List<Pending> nextBatch() throws InterruptedException {
        Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            return List.of();
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch, maxBatchSize - 1);
        long deadline = System.nanoTime() + batchTimeout.toNanos();
        while (batch.size() < maxBatchSize && System.nanoTime() < deadline) {
            Pending next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
            queue.drainTo(batch, maxBatchSize - batch.size());
        }
        return batch;
    }

    private void commit(List<Pending> batch) {
        List<Envelope> envelopes = batch.stream().map(Pending::envelope).toList();
        try {
            Block block = core.orderAndCommit(envelopes, clock.instant());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).result().complete(new Commit(block.number(), block.codes().get(i)));
            }
        } catch (RuntimeException e) {
            LOG.error("block could not be committed; {} transactions refused", batch.size(), e);
            LedgerException failure = e instanceof LedgerException le ? le
                    : new LedgerException(LedgerException.Code.STORAGE, "block could not be committed", e);
            batch.forEach(p -> p.result().completeExceptionally(failure));
        }
    }

    private static LedgerException closed() {
        return new LedgerException(LedgerException.Code.CLOSED, "the ledger is closed", null);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ByteString genesisPreviousHash() {
        return ByteString.copyFrom(new byte[32]);
    }
}
