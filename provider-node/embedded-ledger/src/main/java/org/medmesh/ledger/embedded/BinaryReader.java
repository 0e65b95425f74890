package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads what {@link BinaryWriter} wrote; any inconsistency is a {@link CorruptBlockException}. */
final class BinaryReader {
    private final DataInputStream in;
    private final int limit;

    BinaryReader(ByteString data) {
        this.in = new DataInputStream(data.newInput());
        this.limit = data.size();
    }

    String string() {
        return bytes().toString(StandardCharsets.UTF_8);
    }

    List<String> strings() {
        int count = count();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(string());
        }
        return values;
    }

    ByteString bytes() {
        int length = count();
        try {
            return ByteString.readFrom(new BoundedInput(in, length), length);
        } catch (IOException e) {
            throw new CorruptBlockException("truncated field", e);
        }
    }

    int integer() {
        try {
            return in.readInt();
        } catch (IOException e) {
            throw new CorruptBlockException("truncated integer", e);
        }
    }

    long longInteger() {
        try {
            return in.readLong();
        } catch (IOException e) {
            throw new CorruptBlockException("truncated integer", e);
        }
    }

    boolean bool() {
        int value = integer();
        if (value != 0 && value != 1) {
            throw new CorruptBlockException("not a boolean", null);
        }
        return value == 1;
    }

    Instant instant() {
        long seconds = longInteger();
        int nanos = integer();
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (RuntimeException e) {
            throw new CorruptBlockException("not an instant", e);
        }
    }

    /** A length or element count: never negative, never more than the bytes that remain. */
    int count() {
        int value = integer();
        if (value < 0 || value > limit) {
            throw new CorruptBlockException("impossible length " + value, null);
        }
        return value;
    }

    void requireEnd() {
        try {
            if (in.available() > 0) {
                throw new CorruptBlockException("trailing bytes", null);
            }
        } catch (IOException e) {
            throw new CorruptBlockException("unreadable", e);
        }
    }

    private static final class BoundedInput extends java.io.FilterInputStream {
        private int remaining;

        BoundedInput(java.io.InputStream in, int remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = super.read(b, off, Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
