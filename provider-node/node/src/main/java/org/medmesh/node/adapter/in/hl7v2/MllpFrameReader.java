package org.medmesh.node.adapter.in.hl7v2;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Broken;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Closed;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Fault;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Frame;

/**
 * MLLP framing (HL7 v2 transport, release 2): {@code 0x0B message 0x1C 0x0D}. Reads one frame at a time, no larger
 * than a limit, so that a sender cannot make the node buffer without bound. Not thread-safe: one per connection.
 */
final class MllpFrameReader {
    static final int START_BLOCK = 0x0B;
    static final int END_BLOCK = 0x1C;
    static final int CARRIAGE_RETURN = 0x0D;

    private final InputStream in;
    private final int maxBytes;
    private final Charset charset;

    /** @param in a buffered stream: it is read one byte at a time */
    MllpFrameReader(InputStream in, int maxBytes, Charset charset) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.charset = charset;
    }

    /** The next frame; blocks until it is complete, the stream ends or the socket's read timeout passes. */
    MllpRead next() throws IOException {
        int b = in.read();
        // Some senders end a frame with an extra line break: tolerated between frames, never inside one.
        while (b == CARRIAGE_RETURN || b == '\n') {
            b = in.read();
        }
        if (b == -1) {
            return new Closed();
        }
        if (b != START_BLOCK) {
            return new Broken(Fault.OUTSIDE_FRAME);
        }
        return content();
    }

    private MllpRead content() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream(4096);
        while (true) {
            int b = in.read();
            if (b == -1) {
                return new Broken(Fault.CUT_OFF);
            }
            if (b == END_BLOCK) {
                int next = in.read();
                if (next == CARRIAGE_RETURN) {
                    return new Frame(message.toString(charset));
                }
                return new Broken(next == -1 ? Fault.CUT_OFF : Fault.BAD_END);
            }
            if (message.size() >= maxBytes) {
                return new Broken(Fault.TOO_LARGE);
            }
            message.write(b);
        }
    }

    /** Writes {@code message} as one frame and flushes. */
    static void write(OutputStream out, String message, Charset charset) throws IOException {
        out.write(START_BLOCK);
        out.write(message.getBytes(charset));
        out.write(END_BLOCK);
        out.write(CARRIAGE_RETURN);
        out.flush();
    }
}
