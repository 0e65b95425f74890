package org.medmesh.ledger.embedded;

import java.util.List;

/**
 * Where blocks are kept: the port behind which the embedded ledger persists its chain. Appends are atomic and
 * conditional on the block number being the next one, so several processes can share one store.
 */
public interface BlockStore extends AutoCloseable {
    /** The number of blocks stored (the next block's number). */
    long height();

    /** Up to {@code maxCount} blocks from {@code fromNumber} on, in order. */
    List<StoredBlock> read(long fromNumber, int maxCount);

    /**
     * Appends the block atomically. Returns false, writing nothing, when a block with that number already exists
     * (another process committed first); throws {@link LedgerException} with code STORAGE on I/O failure.
     */
    boolean append(StoredBlock block);

    /** Whether other processes may append to this store, so readers must look for their blocks. */
    boolean isShared();

    @Override
    void close();
}
