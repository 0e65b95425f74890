package org.medmesh.ledger.embedded;

/** A running event subscription; closing it stops delivery. */
public interface EventSubscription extends AutoCloseable {
    /** The block whose events will be delivered next: a checkpoint to resume from. */
    long nextBlock();

    @Override
    void close();
}
