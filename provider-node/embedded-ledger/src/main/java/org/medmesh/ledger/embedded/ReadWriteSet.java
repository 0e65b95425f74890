package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Objects;

/** What a simulated transaction read (with versions) and wants to write: the unit MVCC validation works on. */
record ReadWriteSet(List<KeyRead> reads, List<RangeRead> rangeReads, List<KeyWrite> writes) {
    ReadWriteSet {
        reads = List.copyOf(reads);
        rangeReads = List.copyOf(rangeReads);
        writes = List.copyOf(writes);
    }

    /** A point read; {@code version} is null when the key did not exist. */
    record KeyRead(String key, Version version) {
        KeyRead {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A range read: the keys and versions the chaincode consumed, in order. When the chaincode stopped early
     * ({@code exhausted} false) only the part up to the last consumed key is re-checked, as Fabric does.
     */
    record RangeRead(String startKey, String endKey, List<KeyRead> results, boolean exhausted) {
        RangeRead {
            Objects.requireNonNull(startKey, "startKey");
            Objects.requireNonNull(endKey, "endKey");
            results = List.copyOf(results);
        }
    }

    /** A write; a delete carries an empty value. */
    record KeyWrite(String key, ByteString value, boolean delete) {
        KeyWrite {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
