package org.medmesh.node.adapter.out.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;

/**
 * The lines of a peer's answer, each at most {@code maxLine} bytes and all together at most {@code maxTotal}: a
 * peer that sends one endless line, or an endless stream, is refused before it fills this node's memory.
 */
final class BoundedLines implements Iterator<String>, AutoCloseable {
    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private final int maxLine;
    private final long maxTotal;
    private long total;
    private String next;
    private boolean ended;

    BoundedLines(InputStream in, int maxLine, long maxTotal) {
        this.in = in;
        this.maxLine = maxLine;
        this.maxTotal = maxTotal;
    }

    @Override
    public boolean hasNext() {
        if (next == null && !ended) {
            next = readLine();
            ended = next == null;
        }
        return next != null;
    }

    @Override
    public String next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        String line = next;
        next = null;
        return line;
    }

    private String readLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(1_024);
        try {
            while (true) {
                if (position == limit) {
                    limit = in.read(buffer, 0, buffer.length);
                    position = 0;
                    if (limit <= 0) {
                        limit = 0;
                        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
                    }
                }
                int end = position;
                while (end < limit && buffer[end] != '\n') {
                    end++;
                }
                int length = end - position;
                total += length + (end < limit ? 1 : 0);
                if (total > maxTotal) {
                    throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the answer is larger than allowed");
                }
                if (line.size() + length > maxLine) {
                    throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "a line of the answer is too long");
                }
                line.write(buffer, position, length);
                position = end;
                if (end < limit) {
                    position++; // the newline
                    return line.toString(StandardCharsets.US_ASCII);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the connection goes either way
        }
    }
}
