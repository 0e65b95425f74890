package org.medmesh.node.adapter.in.hl7v2;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.medmesh.fhir.hl7v2.Hl7v2Ack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MLLP listener, started with the node when {@code medmesh.hl7v2.mllp-port} is set and stopped with it.
 *
 * <p>MLLP has no authentication or encryption: in HL7 practice the interface engine and the receiver share a
 * trusted network segment or a VPN/TLS tunnel. So the listener binds to 127.0.0.1 unless
 * {@code medmesh.hl7v2.mllp-host} says otherwise; opening it wider is a deliberate decision of the hospital's
 * network team, and anyone who can reach the port can write records.
 *
 * <p>A small fixed pool serves the connections; when every thread is busy and the short queue is full a new
 * connection is closed at once (the sender retries) rather than held without limit.
 */
@Context
@Requires(property = "medmesh.hl7v2.mllp-port")
public final class MllpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MllpServer.class);

    private final Hl7v2Properties properties;
    private final Hl7v2Ingestion ingestion;
    private final Hl7v2Ack acks;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private ServerSocket listener;
    private ThreadPoolExecutor workers;

    MllpServer(Hl7v2Properties properties, Hl7v2Ingestion ingestion, Hl7v2Ack acks) {
        this.properties = properties;
        this.ingestion = ingestion;
        this.acks = acks;
    }

    @PostConstruct
    void start() {
        int threads = properties.mllpThreads();
        AtomicInteger count = new AtomicInteger();
        workers = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(threads),
                task -> daemon(task, "mllp-" + count.incrementAndGet()));
        try {
            listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(properties.mllpHost(), properties.mllpPort()));
        } catch (IOException e) {
            workers.shutdownNow();
            throw new UncheckedIOException("cannot listen for MLLP on " + properties.mllpHost() + ":"
                    + properties.mllpPort(), e);
        }
        daemon(this::accept, "mllp-accept").start();
        LOG.info("HL7 v2 MLLP listener on {}:{}", properties.mllpHost(), port());
    }

    /** The port listened on: the configured one, or the one the system chose for port 0. */
    public int port() {
        return listener.getLocalPort();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                try {
                    workers.execute(() -> serve(socket));
                } catch (RejectedExecutionException e) {
                    LOG.warn("HL7 v2 MLLP: every worker busy, connection closed; the sender will retry");
                    close(socket);
                }
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warn("HL7 v2 MLLP: accept failed ({})", e.getClass().getSimpleName());
                }
            }
        }
    }

    private void serve(Socket socket) {
        try {
            new MllpConnection(socket, ingestion, acks, properties).run();
        } finally {
            connections.remove(socket);
        }
    }

    /**
     * Stops listening and ends every connection at its next frame: a message being stored still gets its ACK
     * (only input is shut), so that the sender does not resend what was stored.
     */
    @PreDestroy
    @Override
    public void close() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        close(listener);
        workers.shutdown();
        connections.forEach(MllpServer::shutdownInput);
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                connections.forEach(MllpServer::close);
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("HL7 v2 MLLP listener stopped");
    }

    private static void shutdownInput(Socket socket) {
        try {
            socket.shutdownInput();
        } catch (IOException e) {
            close(socket);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void close(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception e) {
            LOG.debug("close failed: {}", e.getClass().getSimpleName());
        }
    }
}
