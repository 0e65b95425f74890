package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The committed world state with versions, key history and committed transaction ids, rebuilt from blocks.
 * Not thread-safe on its own: {@link EmbeddedLedger} guards it with a read/write lock.
 */
final class WorldState {
    /** One entry of a key's history, newest last. */
    record HistoryEntry(String txId, Instant timestamp, ByteString value, boolean deleted) {}

    private final NavigableMap<String, VersionedValue> state = new TreeMap<>(KeyOrder.UTF8);
    private final Map<String, List<HistoryEntry>> history = new HashMap<>();
    private final Set<String> txIds = new HashSet<>();
    private long height;
    private ByteString lastHeaderHash = ByteString.copyFrom(new byte[32]);

    VersionedValue get(String key) {
        return state.get(key);
    }

    /** Keys in {@code [startKey, endKey)}; an empty end key means no upper bound, as in Fabric. */
    NavigableMap<String, VersionedValue> range(String startKey, String endKey) {
        if (endKey.isEmpty()) {
            return Collections.unmodifiableNavigableMap(state.tailMap(startKey, true));
        }
        if (KeyOrder.compare(startKey, endKey) >= 0) {
            return Collections.emptyNavigableMap();
        }
        return Collections.unmodifiableNavigableMap(state.subMap(startKey, true, endKey, false));
    }

    List<HistoryEntry> history(String key) {
        return List.copyOf(history.getOrDefault(key, List.of()));
    }

    boolean hasTransaction(String txId) {
        return txIds.contains(txId);
    }

    long height() {
        return height;
    }

    ByteString lastHeaderHash() {
        return lastHeaderHash;
    }

    /** Applies the writes of the block's valid transactions and records every transaction id. */
    void apply(Block block, ByteString headerHash) {
        if (block.number() != height) {
            throw new IllegalStateException("block " + block.number() + " applied at height " + height);
        }
        for (int txNumber = 0; txNumber < block.transactions().size(); txNumber++) {
            Envelope envelope = block.transactions().get(txNumber);
            txIds.add(envelope.txId());
            if (block.codes().get(txNumber) == TxValidationCode.VALID) {
                applyWrites(envelope, new Version(block.number(), txNumber));
            }
        }
        height = block.number() + 1;
        lastHeaderHash = headerHash;
    }

    Map<String, String> snapshot() {
        Map<String, String> copy = new TreeMap<>(KeyOrder.UTF8);
        state.forEach((key, value) -> copy.put(key, value.value().toStringUtf8()));
        return copy;
    }

    private void applyWrites(Envelope envelope, Version version) {
        for (ReadWriteSet.KeyWrite write : envelope.rwSet().writes()) {
            if (write.delete()) {
                state.remove(write.key());
            } else {
                state.put(write.key(), new VersionedValue(write.value(), version));
            }
            history.computeIfAbsent(write.key(), k -> new ArrayList<>()).add(new HistoryEntry(envelope.txId(),
                    envelope.proposal().timestamp(), write.value(), write.delete()));
        }
    }
}
