package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/** Deterministic length-prefixed binary encoding for signed and hashed ledger structures. */
final class BinaryWriter {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private final DataOutputStream out = new DataOutputStream(buffer);

    BinaryWriter string(String value) {
        return bytes(ByteString.copyFrom(value, StandardCharsets.UTF_8));
    }

    BinaryWriter strings(List<String> values) {
        integer(values.size());
        values.forEach(this::string);
        return this;
    }

    BinaryWriter bytes(ByteString value) {
        integer(value.size());
        try {
            value.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BinaryWriter integer(int value) {
        try {
            out.writeInt(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BinaryWriter longInteger(long value) {
        try {
            out.writeLong(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    BinaryWriter bool(boolean value) {
        return integer(value ? 1 : 0);
    }

    BinaryWriter instant(Instant value) {
        return longInteger(value.getEpochSecond()).integer(value.getNano());
    }

    ByteString toByteString() {
        return ByteString.copyFrom(buffer.toByteArray());
    }
}
