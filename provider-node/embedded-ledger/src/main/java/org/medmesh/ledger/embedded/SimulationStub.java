package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hyperledger.fabric.protos.peer.ChaincodeEvent;
import org.hyperledger.fabric.protos.peer.SignedProposal;
import org.hyperledger.fabric.shim.Chaincode.Response;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/**
 * The chaincode's view of the ledger during simulation, with Fabric's rules: reads see committed state only (no
 * read-your-own-writes), writes are buffered into the read/write set, one event per transaction (the last
 * {@code setEvent} wins), paginated and history queries only in read-only (evaluate) simulations, and range
 * queries refuse composite keys.
 */
final class SimulationStub implements ChaincodeStub {
    static final String CHANNEL = "medmesh";
    private static final String MIN_KEY = new String(Character.toChars(0x000001));
    private static final String MAX_UNICODE_RUNE = new String(Character.toChars(Character.MAX_CODE_POINT));

    private final WorldState state;
    private final Proposal proposal;
    private final String mspId;
    private final boolean readOnly;
    private final Map<String, ReadWriteSet.KeyRead> reads = new LinkedHashMap<>();
    private final List<RecordingRange> ranges = new ArrayList<>();
    private final Map<String, ReadWriteSet.KeyWrite> writes = new LinkedHashMap<>();
    private ChaincodeEvent event;

    SimulationStub(WorldState state, Proposal proposal, String mspId, boolean readOnly) {
        this.state = state;
        this.proposal = proposal;
        this.mspId = mspId;
        this.readOnly = readOnly;
    }

    ReadWriteSet readWriteSet() {
        List<ReadWriteSet.RangeRead> rangeReads = ranges.stream().map(RecordingRange::toRangeRead).toList();
        return new ReadWriteSet(List.copyOf(reads.values()), rangeReads, List.copyOf(writes.values()));
    }

    Envelope.EventData eventData() {
        return event == null ? null : new Envelope.EventData(event.getEventName(), event.getPayload());
    }

    @Override
    public List<byte[]> getArgs() {
        return getStringArgs().stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Override
    public List<String> getStringArgs() {
        List<String> all = new ArrayList<>(proposal.args().size() + 1);
        all.add(proposal.function());
        all.addAll(proposal.args());
        return all;
    }

    @Override
    public String getFunction() {
        return proposal.function();
    }

    @Override
    public List<String> getParameters() {
        return proposal.args();
    }

    @Override
    public String getTxId() {
        return proposal.txId();
    }

    @Override
    public String getChannelId() {
        return CHANNEL;
    }

    @Override
    public Response invokeChaincode(String chaincodeName, List<byte[]> args, String channel) {
        throw unsupported("chaincode-to-chaincode invocation");
    }

    @Override
    public byte[] getState(String key) {
        requireKey(key);
        VersionedValue value = state.get(key);
        reads.putIfAbsent(key, new ReadWriteSet.KeyRead(key, value == null ? null : value.version()));
        return value == null ? new byte[0] : value.value().toByteArray();
    }

    @Override
    public byte[] getStateValidationParameter(String key) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public void putState(String key, byte[] value) {
        requireKey(key);
        Objects.requireNonNull(value, "value");
        writes.put(key, new ReadWriteSet.KeyWrite(key, ByteString.copyFrom(value), false));
    }

    @Override
    public void setStateValidationParameter(String key, byte[] value) {
        throw unsupported("key-level endorsement");
    }

    @Override
    public void delState(String key) {
        requireKey(key);
        writes.put(key, new ReadWriteSet.KeyWrite(key, ByteString.EMPTY, true));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByRange(String startKey, String endKey) {
        CompositeKey.validateSimpleKeys(startKey, endKey);
        return range(startKey == null || startKey.isEmpty() ? MIN_KEY : startKey, endKey == null ? "" : endKey);
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByRangeWithPagination(String startKey, String endKey,
            int pageSize, String bookmark) {
        CompositeKey.validateSimpleKeys(startKey, endKey);
        return page(startKey == null || startKey.isEmpty() ? MIN_KEY : startKey, endKey == null ? "" : endKey,
                pageSize, bookmark);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String compositeKey) {
        String prefix = compositeKey == null || compositeKey.isEmpty()
                ? new CompositeKey(MIN_KEY).toString() : compositeKey;
        return range(prefix, prefix + MAX_UNICODE_RUNE);
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(String objectType, String... attributes) {
        return getStateByPartialCompositeKey(new CompositeKey(objectType, attributes));
    }

    @Override
    public QueryResultsIterator<KeyValue> getStateByPartialCompositeKey(CompositeKey compositeKey) {
        return getStateByPartialCompositeKey(compositeKey == null ? null : compositeKey.toString());
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getStateByPartialCompositeKeyWithPagination(
            CompositeKey compositeKey, int pageSize, String bookmark) {
        String prefix = compositeKey == null ? new CompositeKey(MIN_KEY).toString() : compositeKey.toString();
        return page(prefix, prefix + MAX_UNICODE_RUNE, pageSize, bookmark);
    }

    @Override
    public CompositeKey createCompositeKey(String objectType, String... attributes) {
        return new CompositeKey(objectType, attributes);
    }

    @Override
    public CompositeKey splitCompositeKey(String compositeKey) {
        return CompositeKey.parseCompositeKey(compositeKey);
    }

    @Override
    public QueryResultsIterator<KeyValue> getQueryResult(String query) {
        throw unsupported("rich queries (they need CouchDB)");
    }

    @Override
    public QueryResultsIteratorWithMetadata<KeyValue> getQueryResultWithPagination(String query, int pageSize,
            String bookmark) {
        throw unsupported("rich queries (they need CouchDB)");
    }

    @Override
    public QueryResultsIterator<KeyModification> getHistoryForKey(String key) {
        requireKey(key);
        requireReadOnly("history queries");
        List<KeyModification> newestFirst = new ArrayList<>();
        for (WorldState.HistoryEntry entry : state.history(key)) {
            newestFirst.add(0, new Modification(entry));
        }
        return new ListIterator<>(newestFirst);
    }

    @Override
    public byte[] getPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataHash(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public byte[] getPrivateDataValidationParameter(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void putPrivateData(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void setPrivateDataValidationParameter(String collection, String key, byte[] value) {
        throw unsupported("private data");
    }

    @Override
    public void delPrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public void purgePrivateData(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByRange(String collection, String startKey, String endKey) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, CompositeKey key) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataByPartialCompositeKey(String collection, String objectType,
            String... attributes) {
        throw unsupported("private data");
    }

    @Override
    public QueryResultsIterator<KeyValue> getPrivateDataQueryResult(String collection, String query) {
        throw unsupported("private data");
    }

    @Override
    public void setEvent(String name, byte[] payload) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("event name can not be nil string");
        }
        ChaincodeEvent.Builder builder = ChaincodeEvent.newBuilder().setEventName(name)
                .setTxId(proposal.txId()).setChaincodeId("medmesh");
        if (payload != null) {
            builder.setPayload(ByteString.copyFrom(payload));
        }
        event = builder.build();
    }

    @Override
    public ChaincodeEvent getEvent() {
        return event;
    }

    /** Always null: the embedded ledger has no protobuf proposal; chaincode should use the creator instead. */
    @Override
    public SignedProposal getSignedProposal() {
        return null;
    }

    @Override
    public Instant getTxTimestamp() {
        return proposal.timestamp();
    }

    @Override
    public byte[] getCreator() {
        return proposal.creator().toByteArray();
    }

    @Override
    public Map<String, byte[]> getTransient() {
        return Map.of();
    }

    @Override
    public byte[] getBinding() {
        return new byte[0];
    }

    @Override
    public String getMspId() {
        return mspId;
    }

    private QueryResultsIterator<KeyValue> range(String startKey, String endKey) {
        RecordingRange recording = new RecordingRange(startKey, endKey, state.range(startKey, endKey));
        if (!readOnly) {
            ranges.add(recording);
        }
        return recording;
    }

    private QueryResultsIteratorWithMetadata<KeyValue> page(String startKey, String endKey, int pageSize,
            String bookmark) {
        requireReadOnly("paginated queries");
        if (pageSize <= 0) {
            throw new IllegalArgumentException("page size must be positive");
        }
        String from = bookmark == null || bookmark.isEmpty() ? startKey : bookmark;
        if (KeyOrder.compare(from, startKey) < 0) {
            throw new IllegalArgumentException("bookmark before the start of the range");
        }
        List<KeyValue> results = new ArrayList<>(pageSize);
        String next = "";
        for (Map.Entry<String, VersionedValue> entry : state.range(from, endKey).entrySet()) {
            if (results.size() == pageSize) {
                next = entry.getKey();
                break;
            }
            results.add(new Entry(entry.getKey(), entry.getValue().value()));
        }
        return new PageIterator(results, next);
    }

    private void requireReadOnly(String what) {
        if (!readOnly) {
            throw new LedgerException(LedgerException.Code.NOT_ALLOWED,
                    what + " are only allowed in evaluate (read-only) transactions", null);
        }
    }

    private static void requireKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("key must not be empty");
        }
    }

    private static UnsupportedOperationException unsupported(String what) {
        return new UnsupportedOperationException(what + " is not supported by the embedded ledger");
    }

    /** A state entry returned to chaincode. */
    private record Entry(String key, ByteString value) implements KeyValue {
        @Override
        public String getKey() {
            return key;
        }

        @Override
        public byte[] getValue() {
            return value.toByteArray();
        }

        @Override
        public String getStringValue() {
            return value.toStringUtf8();
        }
    }

    private record Modification(WorldState.HistoryEntry entry) implements KeyModification {
        @Override
        public String getTxId() {
            return entry.txId();
        }

        @Override
        public byte[] getValue() {
            return entry.value().toByteArray();
        }

        @Override
        public String getStringValue() {
            return entry.value().toStringUtf8();
        }

        @Override
        public Instant getTimestamp() {
            return entry.timestamp();
        }

        @Override
        public boolean isDeleted() {
            return entry.deleted();
        }
    }

    private static class ListIterator<T> implements QueryResultsIterator<T> {
        private final List<T> items;

        ListIterator(List<T> items) {
            this.items = items;
        }

        @Override
        public Iterator<T> iterator() {
            return items.iterator();
        }

        @Override
        public void close() {
            // nothing to release: results are already in memory
        }
    }

    private static final class PageIterator extends ListIterator<KeyValue>
            implements QueryResultsIteratorWithMetadata<KeyValue> {
        private final org.hyperledger.fabric.protos.peer.QueryResponseMetadata metadata;

        PageIterator(List<KeyValue> items, String bookmark) {
            super(items);
            metadata = org.hyperledger.fabric.protos.peer.QueryResponseMetadata.newBuilder()
                    .setFetchedRecordsCount(items.size()).setBookmark(bookmark).build();
        }

        @Override
        public org.hyperledger.fabric.protos.peer.QueryResponseMetadata getMetadata() {
            return metadata;
        }
    }

    /** A range iterator that records what the chaincode consumed, for phantom-read validation. */
    private static final class RecordingRange implements QueryResultsIterator<KeyValue> {
        private final String startKey;
        private final String endKey;
        private final Map<String, VersionedValue> source;
        private final List<ReadWriteSet.KeyRead> consumed = new ArrayList<>();
        private boolean exhausted;

        RecordingRange(String startKey, String endKey, Map<String, VersionedValue> source) {
            this.startKey = startKey;
            this.endKey = endKey;
            this.source = source;
        }

        ReadWriteSet.RangeRead toRangeRead() {
            return new ReadWriteSet.RangeRead(startKey, endKey, consumed, exhausted);
        }

        @Override
        public Iterator<KeyValue> iterator() {
            Iterator<Map.Entry<String, VersionedValue>> entries = source.entrySet().iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    boolean more = entries.hasNext();
                    if (!more) {
                        exhausted = true;
                    }
                    return more;
                }

                @Override
                public KeyValue next() {
                    Map.Entry<String, VersionedValue> entry = entries.next();
                    consumed.add(new ReadWriteSet.KeyRead(entry.getKey(), entry.getValue().version()));
                    return new Entry(entry.getKey(), entry.getValue().value());
                }
            };
        }

        @Override
        public void close() {
            // nothing to release: the iterator reads the locked in-memory state
        }
    }
}
