package org.medmesh.ledger.embedded;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers chaincode events of valid transactions, block by block, from a block number on. Each subscription
 * reads committed blocks from the store on its own thread, so a slow listener never holds up commits, and blocks
 * committed by another process reach it too (the store is polled when it is shared).
 */
final class EventHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final long SHARED_POLL_MILLIS = 200;

    private final LedgerCore core;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

    EventHub(LedgerCore core) {
        this.core = core;
    }

    EventSubscription subscribe(long fromBlock, Consumer<ChaincodeEventRecord> listener) {
        Subscription subscription = new Subscription(fromBlock, listener);
        subscriptions.add(subscription);
        subscription.thread.start();
        return subscription;
    }

    void blockCommitted() {
        subscriptions.forEach(Subscription::wake);
    }

    @Override
    public void close() {
        subscriptions.forEach(Subscription::close);
    }

    private final class Subscription implements EventSubscription {
        private final Consumer<ChaincodeEventRecord> listener;
        private final Thread thread;
        private final Object signal = new Object();
        private volatile long nextBlock;
        private volatile boolean open = true;

        Subscription(long fromBlock, Consumer<ChaincodeEventRecord> listener) {
            this.nextBlock = Math.max(0, fromBlock);
            this.listener = listener;
            this.thread = new Thread(this::run, "embedded-ledger-events");
            this.thread.setDaemon(true);
        }

        void wake() {
            synchronized (signal) {
                signal.notifyAll();
            }
        }

        private void run() {
            while (open) {
                try {
                    core.catchUpIfBehind();
                    deliverUpTo(core.height());
                    synchronized (signal) {
                        if (open && nextBlock >= core.height()) {
                            signal.wait(SHARED_POLL_MILLIS);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    LOG.warn("event delivery paused at block {}: {}", nextBlock, e.getMessage());
                    sleepQuietly();
                }
            }
        }

        private void deliverUpTo(long height) {
            while (open && nextBlock < height) {
                for (StoredBlock stored : core.store().read(nextBlock, 64)) {
                    deliver(BlockCodec.decode(stored));
                    nextBlock = stored.number() + 1;
                }
            }
        }

        private void deliver(Block block) {
            for (int i = 0; i < block.transactions().size() && open; i++) {
                Envelope envelope = block.transactions().get(i);
                if (block.codes().get(i) == TxValidationCode.VALID && envelope.event() != null) {
                    listener.accept(new ChaincodeEventRecord(block.number(), envelope.txId(),
                            envelope.event().name(), envelope.event().payload().toStringUtf8(),
                            envelope.proposal().timestamp()));
                }
            }
        }

        private void sleepQuietly() {
            try {
                Thread.sleep(SHARED_POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                open = false;
            }
        }

        @Override
        public long nextBlock() {
            return nextBlock;
        }

        @Override
        public void close() {
            open = false;
            subscriptions.remove(this);
            wake();
        }
    }
}
