package org.medmesh.node.adapter.in.hl7v2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A sender's side of one MLLP connection, as an interface engine would hold it: raw bytes over a real socket. */
final class MllpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    MllpClient(int port) {
        try {
            socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends one framed message and waits for its acknowledgment. */
    String send(String message) {
        sendBytes(frame(message.getBytes(StandardCharsets.UTF_8)));
        return receive().orElseThrow(() -> new AssertionError("the connection closed without an acknowledgment"));
    }

    void sendBytes(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next framed answer, or empty when the node closed the connection first. */
    Optional<String> receive() {
        try {
            int b = in.read();
            if (b == -1) {
                return Optional.empty();
            }
            if (b != 0x0B) {
                throw new AssertionError("an answer must start with 0x0B, not " + b);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            for (b = in.read(); b != 0x1C; b = in.read()) {
                if (b == -1) {
                    throw new AssertionError("the answer was cut off");
                }
                answer.write(b);
            }
            if (in.read() != 0x0D) {
                throw new AssertionError("an answer must end with 0x1C 0x0D");
            }
            return Optional.of(answer.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // A reset after the node closed counts as closed.
            return Optional.empty();
        }
    }

    /** Whether the node has closed the connection (reads end of stream). */
    boolean closedByNode() {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true;
        }
    }

    static byte[] frame(byte[] content) {
        byte[] framed = new byte[content.length + 3];
        framed[0] = 0x0B;
        System.arraycopy(content, 0, framed, 1, content.length);
        framed[framed.length - 2] = 0x1C;
        framed[framed.length - 1] = 0x0D;
        return framed;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
