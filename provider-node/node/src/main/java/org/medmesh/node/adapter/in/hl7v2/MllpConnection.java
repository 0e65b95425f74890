package org.medmesh.node.adapter.in.hl7v2;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.util.Optional;
import org.medmesh.fhir.hl7v2.Hl7v2Ack;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Rejected;
import org.medmesh.fhir.hl7v2.RejectReason;
import org.medmesh.fhir.hl7v2.SourceMessage;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Broken;
import org.medmesh.node.adapter.in.hl7v2.MllpRead.Frame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sender's connection: frames in, one ACK or NAK out per frame, in order. A broken frame gets an AR and the
 * connection is closed, since where the next frame starts can no longer be trusted.
 */
final class MllpConnection implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(MllpConnection.class);
    private static final int DRAIN_MILLIS = 2_000;

    private final Socket socket;
    private final Hl7v2Ingestion ingestion;
    private final Hl7v2Ack acks;
    private final Hl7v2Properties properties;

    MllpConnection(Socket socket, Hl7v2Ingestion ingestion, Hl7v2Ack acks, Hl7v2Properties properties) {
        this.socket = socket;
        this.ingestion = ingestion;
        this.acks = acks;
        this.properties = properties;
    }

    @Override
    public void run() {
        Charset charset = properties.mllpCharset();
        try (socket) {
            socket.setSoTimeout(Math.toIntExact(properties.mllpReadTimeout().toMillis()));
            MllpFrameReader frames = new MllpFrameReader(new BufferedInputStream(socket.getInputStream()),
                    properties.mllpMaxMessageBytes(), charset);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            MllpRead read = frames.next();
            while (read instanceof Frame frame) {
                MllpFrameReader.write(out, ingestion.ingest(frame.message(), "MLLP").ack(), charset);
                read = frames.next();
            }
            if (read instanceof Broken broken) {
                refuse(broken.fault(), out, charset);
            }
        } catch (SocketTimeoutException e) {
            LOG.debug("MLLP connection silent for {}, closed", properties.mllpReadTimeout());
        } catch (IOException e) {
            LOG.debug("MLLP connection ended: {}", e.getClass().getSimpleName());
        }
    }

    private void refuse(MllpRead.Fault fault, OutputStream out, Charset charset) throws IOException {
        if (fault == MllpRead.Fault.CUT_OFF) {
            LOG.info("HL7 v2 MLLP: the sender closed inside a frame; nothing stored");
            return;
        }
        LOG.info("HL7 v2 ? ? via MLLP: AR {}, connection closed", fault);
        String detail = fault == MllpRead.Fault.TOO_LARGE
                ? fault.detail() + " (" + properties.mllpMaxMessageBytes() + " bytes)" : fault.detail();
        MllpFrameReader.write(out, acks.acknowledge(new Rejected(SourceMessage.unknown(), RejectReason.UNPARSABLE,
                detail, Optional.empty())), charset);
        socket.shutdownOutput();
        drain(socket.getInputStream());
    }

    /** Closing with unread input would reset the connection and could destroy the NAK before the sender reads it. */
    private void drain(InputStream in) throws IOException {
        socket.setSoTimeout(DRAIN_MILLIS);
        long deadline = System.nanoTime() + DRAIN_MILLIS * 1_000_000L;
        byte[] discard = new byte[8192];
        while (System.nanoTime() < deadline && in.read(discard) != -1) {
            // discarded: the rest of a refused frame
        }
    }
}
