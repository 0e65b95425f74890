package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.util.ArrayList;
import java.util.List;

/** Encodes blocks for storage and decodes them back; the encoding is deterministic, so hashes are stable. */
final class BlockCodec {
    private BlockCodec() {}

    static ByteString encodeData(List<Envelope> transactions, List<TxValidationCode> codes) {
        BinaryWriter out = new BinaryWriter();
        out.integer(transactions.size());
        for (int i = 0; i < transactions.size(); i++) {
            writeEnvelope(out, transactions.get(i));
            out.string(codes.get(i).name());
        }
        return out.toByteString();
    }

    static StoredBlock toStored(Block block) {
        ByteString data = encodeData(block.transactions(), block.codes());
        return new StoredBlock(block.number(), block.previousHash(), Hashes.sha256(data), block.time(),
                block.signature(), data);
    }

    static Block decode(StoredBlock stored) {
        BinaryReader in = new BinaryReader(stored.data());
        int count = in.count();
        List<Envelope> transactions = new ArrayList<>(count);
        List<TxValidationCode> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            transactions.add(readEnvelope(in));
            codes.add(readCode(in.string()));
        }
        in.requireEnd();
        return new Block(stored.number(), stored.previousHash(), stored.time(), transactions, codes,
                stored.signature());
    }

    private static void writeEnvelope(BinaryWriter out, Envelope envelope) {
        Proposal p = envelope.proposal();
        out.string(p.txId()).bytes(p.creator()).instant(p.timestamp()).string(p.function()).strings(p.args())
                .bytes(p.nonce()).bytes(p.signature()).string(envelope.mspId());
        ReadWriteSet rw = envelope.rwSet();
        writeReads(out, rw.reads());
        out.integer(rw.rangeReads().size());
        for (ReadWriteSet.RangeRead range : rw.rangeReads()) {
            out.string(range.startKey()).string(range.endKey()).bool(range.exhausted());
            writeReads(out, range.results());
        }
        out.integer(rw.writes().size());
        for (ReadWriteSet.KeyWrite write : rw.writes()) {
            out.string(write.key()).bytes(write.value()).bool(write.delete());
        }
        out.bool(envelope.event() != null);
        if (envelope.event() != null) {
            out.string(envelope.event().name()).bytes(envelope.event().payload());
        }
    }

    private static void writeReads(BinaryWriter out, List<ReadWriteSet.KeyRead> reads) {
        out.integer(reads.size());
        for (ReadWriteSet.KeyRead read : reads) {
            out.string(read.key()).bool(read.version() != null);
            if (read.version() != null) {
                out.longInteger(read.version().blockNumber()).integer(read.version().txNumber());
            }
        }
    }

    private static Envelope readEnvelope(BinaryReader in) {
        Proposal proposal = new Proposal(in.string(), in.bytes(), in.instant(), in.string(), in.strings(),
                in.bytes(), in.bytes());
        String mspId = in.string();
        List<ReadWriteSet.KeyRead> reads = readReads(in);
        int rangeCount = in.count();
        List<ReadWriteSet.RangeRead> ranges = new ArrayList<>(rangeCount);
        for (int i = 0; i < rangeCount; i++) {
            String start = in.string();
            String end = in.string();
            boolean exhausted = in.bool();
            ranges.add(new ReadWriteSet.RangeRead(start, end, readReads(in), exhausted));
        }
        int writeCount = in.count();
        List<ReadWriteSet.KeyWrite> writes = new ArrayList<>(writeCount);
        for (int i = 0; i < writeCount; i++) {
            writes.add(new ReadWriteSet.KeyWrite(in.string(), in.bytes(), in.bool()));
        }
        Envelope.EventData event = in.bool() ? new Envelope.EventData(in.string(), in.bytes()) : null;
        return new Envelope(proposal, mspId, new ReadWriteSet(reads, ranges, writes), event);
    }

    private static List<ReadWriteSet.KeyRead> readReads(BinaryReader in) {
        int count = in.count();
        List<ReadWriteSet.KeyRead> reads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String key = in.string();
            Version version = in.bool() ? new Version(in.longInteger(), in.integer()) : null;
            reads.add(new ReadWriteSet.KeyRead(key, version));
        }
        return reads;
    }

    private static TxValidationCode readCode(String name) {
        try {
            return TxValidationCode.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new CorruptBlockException("unknown validation code", e);
        }
    }
}
