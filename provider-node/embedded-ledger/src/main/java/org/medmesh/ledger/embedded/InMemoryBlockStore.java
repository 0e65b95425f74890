package org.medmesh.ledger.embedded;

import java.util.ArrayList;
import java.util.List;

/** A block store that lives and dies with the process: for tests and throw-away ledgers. */
public final class InMemoryBlockStore implements BlockStore {
    private final List<StoredBlock> blocks = new ArrayList<>();

    @Override
    public synchronized long height() {
        return blocks.size();
    }

    @Override
    public synchronized List<StoredBlock> read(long fromNumber, int maxCount) {
        if (fromNumber >= blocks.size()) {
            return List.of();
        }
        int from = Math.toIntExact(fromNumber);
        return List.copyOf(blocks.subList(from, Math.min(blocks.size(), from + maxCount)));
    }

    @Override
    public synchronized boolean append(StoredBlock block) {
        if (block.number() != blocks.size()) {
            return false;
        }
        blocks.add(block);
        return true;
    }

    @Override
    public boolean isShared() {
        return false;
    }

    @Override
    public void close() {
        // nothing to release
    }
}
