package org.medmesh.node.adapter.out.http;

import java.io.BufferedInputStream;
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
    private final int maxLine;
    private final long maxTotal;
    private long total;
    private String next;
    private boolean ended;

    BoundedLines(InputStream in, int maxLine, long maxTotal) {
        this.in = new BufferedInputStream(in, 64 * 1024);
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
            int b;
            while ((b = in.read()) != -1) {
                if (++total > maxTotal) {
                    throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the answer is larger than allowed");
                }
                if (b == '\n') {
                    return line.toString(StandardCharsets.US_ASCII);
                }
                if (line.size() >= maxLine) {
                    throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "a line of the answer is too long");
                }
                line.write(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
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
