package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.hyperledger.fabric.shim.Chaincode;

/**
 * The state machine shared by endorsers, the committer and catch-up: the world state behind a read/write lock,
 * and the block store it is rebuilt from. Only {@link #orderAndCommit} and {@link #catchUp} change the state,
 * and only after the block they apply is safely in the store.
 */
final class LedgerCore {
    private static final int READ_BATCH = 256;

    private final WorldState state = new WorldState();
    private final ReadWriteLock lock = new ReentrantReadWriteLock(true);
    private final BlockStore store;
    private final OrdererKey ordererKey;
    private final Runnable onCommit;

    LedgerCore(BlockStore store, OrdererKey ordererKey, Runnable onCommit) {
        this.store = store;
        this.ordererKey = ordererKey;
        this.onCommit = onCommit;
    }

    /** Runs the chaincode against the committed state; nothing it does is applied here. */
    Simulation simulate(Chaincode chaincode, Proposal proposal, String mspId, boolean readOnly) {
        lock.readLock().lock();
        try {
            SimulationStub stub = new SimulationStub(state, proposal, mspId, readOnly);
            Chaincode.Response response;
            try {
                response = chaincode.invoke(stub);
            } catch (RuntimeException e) {
                return new Simulation(new ChaincodeResponse(500, "chaincode failed: " + e.getClass().getSimpleName(),
                        ""), null);
            }
            ChaincodeResponse answer = new ChaincodeResponse(response.getStatus().getCode(), response.getMessage(),
                    response.getPayload() == null ? "" : new String(response.getPayload(), StandardCharsets.UTF_8));
            Envelope envelope = answer.isSuccess()
                    ? new Envelope(proposal, mspId, stub.readWriteSet(), stub.eventData()) : null;
            return new Simulation(answer, envelope);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The outcome of a simulation: the response and, when it succeeded, the envelope to order. */
    record Simulation(ChaincodeResponse response, Envelope envelope) {}

    /** Validates, signs, stores and applies one block; retries on top of blocks another process stored first. */
    synchronized Block orderAndCommit(List<Envelope> envelopes, Instant time) {
        while (true) {
            catchUp();
            List<TxValidationCode> codes = Validator.validate(state, envelopes);
            ByteString data = BlockCodec.encodeData(envelopes, codes);
            StoredBlock unsigned = new StoredBlock(state.height(), state.lastHeaderHash(), Hashes.sha256(data), time,
                    ByteString.EMPTY, data);
            ByteString headerHash = unsigned.headerHash();
            StoredBlock stored = new StoredBlock(unsigned.number(), unsigned.previousHash(), unsigned.dataHash(),
                    time, ordererKey.sign(headerHash), data);
            if (store.append(stored)) {
                Block block = new Block(stored.number(), stored.previousHash(), time, envelopes, codes,
                        stored.signature());
                apply(block, headerHash);
                return block;
            }
        }
    }

    /**
     * Catches up only when the store is ahead of memory (another process committed). The check takes no lock,
     * so endorsements and queries do not queue behind a commit in progress.
     */
    void catchUpIfBehind() {
        if (store.isShared() && store.height() > height()) {
            catchUp();
        }
    }

    /** Applies blocks that are in the store but not yet in memory (at start, or written by another process). */
    synchronized void catchUp() {
        long height = store.height();
        while (state.height() < height) {
            List<StoredBlock> blocks = store.read(state.height(), READ_BATCH);
            if (blocks.isEmpty()) {
                throw new LedgerException(LedgerException.Code.CHAIN_INVALID,
                        "block " + state.height() + " is missing; run 'medmesh ledger verify'", null);
            }
            for (StoredBlock stored : blocks) {
                checkLink(stored);
                apply(BlockCodec.decode(stored), stored.headerHash());
            }
        }
    }

    long height() {
        lock.readLock().lock();
        try {
            return state.height();
        } finally {
            lock.readLock().unlock();
        }
    }

    Map<String, String> snapshot() {
        lock.readLock().lock();
        try {
            return state.snapshot();
        } finally {
            lock.readLock().unlock();
        }
    }

    BlockStore store() {
        return store;
    }

    private void checkLink(StoredBlock stored) {
        if (stored.number() != state.height() || !stored.previousHash().equals(state.lastHeaderHash())
                || !stored.dataHash().equals(Hashes.sha256(stored.data()))
                || !ordererKey.verify(stored.headerHash(), stored.signature())) {
            throw new LedgerException(LedgerException.Code.CHAIN_INVALID,
                    "stored block " + stored.number() + " fails verification; run 'medmesh ledger verify'", null);
        }
    }

    private void apply(Block block, ByteString headerHash) {
        lock.writeLock().lock();
        try {
            state.apply(block, headerHash);
        } finally {
            lock.writeLock().unlock();
        }
        onCommit.run();
    }
}
