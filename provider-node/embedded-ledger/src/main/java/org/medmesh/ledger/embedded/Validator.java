package org.medmesh.ledger.embedded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fabric's commit-time validation of a block, in order: a transaction is invalid when a key it read, or a range
 * it read, was changed by the committed state or by a valid transaction earlier in the same block.
 */
final class Validator {
    private Validator() {}

    static List<TxValidationCode> validate(WorldState state, List<Envelope> transactions) {
        List<TxValidationCode> codes = new ArrayList<>(transactions.size());
        TreeSet<String> writtenInBlock = new TreeSet<>(KeyOrder.UTF8);
        Set<String> txIdsInBlock = new HashSet<>();
        for (Envelope envelope : transactions) {
            TxValidationCode code = validateOne(state, envelope, writtenInBlock, txIdsInBlock);
            codes.add(code);
            txIdsInBlock.add(envelope.txId());
            if (code == TxValidationCode.VALID) {
                envelope.rwSet().writes().forEach(write -> writtenInBlock.add(write.key()));
            }
        }
        return codes;
    }

    private static TxValidationCode validateOne(WorldState state, Envelope envelope, TreeSet<String> written,
            Set<String> txIdsInBlock) {
        if (state.hasTransaction(envelope.txId()) || txIdsInBlock.contains(envelope.txId())) {
            return TxValidationCode.DUPLICATE_TXID;
        }
        for (ReadWriteSet.KeyRead read : envelope.rwSet().reads()) {
            if (written.contains(read.key()) || !sameVersion(state.get(read.key()), read.version())) {
                return TxValidationCode.MVCC_READ_CONFLICT;
            }
        }
        for (ReadWriteSet.RangeRead range : envelope.rwSet().rangeReads()) {
            if (rangeChanged(state, range, written)) {
                return TxValidationCode.PHANTOM_READ_CONFLICT;
            }
        }
        return TxValidationCode.VALID;
    }

    private static boolean sameVersion(VersionedValue current, Version read) {
        return Objects.equals(current == null ? null : current.version(), read);
    }

    private static boolean rangeChanged(WorldState state, ReadWriteSet.RangeRead range, TreeSet<String> written) {
        List<ReadWriteSet.KeyRead> recorded = range.results();
        if (!range.exhausted() && recorded.isEmpty()) {
            return false;
        }
        String lastChecked = range.exhausted() ? null : recorded.get(recorded.size() - 1).key();
        List<ReadWriteSet.KeyRead> now = new ArrayList<>(recorded.size());
        for (Map.Entry<String, VersionedValue> entry : state.range(range.startKey(), range.endKey()).entrySet()) {
            if (lastChecked != null && KeyOrder.compare(entry.getKey(), lastChecked) > 0) {
                break;
            }
            now.add(new ReadWriteSet.KeyRead(entry.getKey(), entry.getValue().version()));
        }
        return !now.equals(recorded) || touchesWrittenKey(range, lastChecked, written);
    }

    private static boolean touchesWrittenKey(ReadWriteSet.RangeRead range, String lastChecked,
            TreeSet<String> written) {
        String first = written.ceiling(range.startKey());
        if (first == null) {
            return false;
        }
        boolean beforeEnd = range.endKey().isEmpty() || KeyOrder.compare(first, range.endKey()) < 0;
        boolean withinChecked = lastChecked == null || KeyOrder.compare(first, lastChecked) <= 0;
        return beforeEnd && withinChecked;
    }
}
