package org.medmesh.node.adapter.out.ledger;

import java.util.function.Consumer;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;

/**
 * Drops the events of the checkpoint's block up to and including its last handled transaction, then passes
 * everything on: delivery resumes at the block, so the events already handled in it arrive again first.
 */
public final class CheckpointFilter implements Consumer<LedgerEvent> {
    private final EventCheckpoint from;
    private final Consumer<LedgerEvent> handler;
    private boolean passing;

    public CheckpointFilter(EventCheckpoint from, Consumer<LedgerEvent> handler) {
        this.from = from;
        this.handler = handler;
        this.passing = from.lastTxId() == null;
    }

    @Override
    public void accept(LedgerEvent event) {
        if (!passing) {
            if (event.blockNumber() > from.blockNumber()) {
                passing = true;
            } else {
                passing = event.txId().equals(from.lastTxId());
                return;
            }
        }
        if (event.blockNumber() >= from.blockNumber()) {
            handler.accept(event);
        }
    }
}
