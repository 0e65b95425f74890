package org.medmesh.node.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The network between two nodes, as a test controls it: an HTTP proxy on a fixed local port in front of a node.
 * It passes everything through, or — for the exchange's answer (one envelope per line) — rewrites the lines
 * (flip a bit, drop, reorder, splice), cuts the connection after some lines (a holder dying mid-transfer), or
 * refuses connections altogether (a holder offline). It keeps the lines of the last answer it passed.
 */
public final class FaultyLink implements AutoCloseable {
    private static final String STREAM = "application/vnd.medmesh.exchange-stream";

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String target;
    private volatile UnaryOperator<List<String>> rewrite = UnaryOperator.identity();
    private volatile int cutAfter = -1;
    private volatile int stallAfter = -1;
    private volatile java.util.concurrent.CountDownLatch stalled = new java.util.concurrent.CountDownLatch(1);
    private volatile List<String> lastLines = List.of();
    private HttpServer server;

    private FaultyLink(int port) {
        this.port = port;
    }

    /** A link on a free port, forwarding nowhere until {@link #to} is set. */
    public static FaultyLink open() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        FaultyLink link = new FaultyLink(server.getAddress().getPort());
        link.serve(server);
        return link;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public FaultyLink to(String targetUrl) {
        this.target = targetUrl;
        return this;
    }

    /** Passes everything through unchanged from now on. */
    public void heal() {
        rewrite = UnaryOperator.identity();
        cutAfter = -1;
        stallAfter = -1;
        stalled.countDown();
        stalled = new java.util.concurrent.CountDownLatch(1);
    }

    /** Sends {@code lines} lines of the next answers, then nothing more (the connection stays open) until healed. */
    public void stallAfter(int lines) {
        stallAfter = lines;
    }

    /** Rewrites the lines of the next answers. */
    public void rewrite(UnaryOperator<List<String>> change) {
        rewrite = change;
    }

    /** Breaks the connection after {@code lines} lines of the next answers, without ending the response. */
    public void cutAfter(int lines) {
        cutAfter = lines;
    }

    public List<String> lastLines() {
        return lastLines;
    }

    /** Refuses connections: the node behind it is offline as far as anyone using this link can tell. */
    public synchronized void offline() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    /** Accepts connections again, on the same port (retrying while the stopped server lets go of it). */
    public synchronized void online() throws IOException {
        if (server != null) {
            return;
        }
        for (int attempt = 0; ; attempt++) {
            try {
                serve(HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0));
                return;
            } catch (java.net.BindException e) {
                if (attempt >= 50) {
                    throw e;
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void serve(HttpServer created) {
        server = created;
        server.createContext("/", this::forward);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + exchange.getRequestURI()))
                    .timeout(Duration.ofMinutes(2))
                    .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            for (String header : List.of("Content-Type", "Accept", "Authorization")) {
                String value = exchange.getRequestHeaders().getFirst(header);
                if (value != null) {
                    request.header(header, value);
                }
            }
            HttpResponse<byte[]> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            String type = response.headers().firstValue("Content-Type").orElse("application/octet-stream");
            exchange.getResponseHeaders().set("Content-Type", type);
            if (response.statusCode() != 200 || !type.startsWith(STREAM)) {
                exchange.sendResponseHeaders(response.statusCode(), response.body().length == 0 ? -1
                        : response.body().length);
                exchange.getResponseBody().write(response.body());
                return;
            }
            List<String> lines = new ArrayList<>(new String(response.body(), StandardCharsets.US_ASCII).lines()
                    .toList());
            lastLines = List.copyOf(lines);
            List<String> out = rewrite.apply(new ArrayList<>(lines));
            byte[] whole = (String.join("\n", out) + "\n").getBytes(StandardCharsets.US_ASCII);
            if (stallAfter >= 0) {
                java.util.concurrent.CountDownLatch until = stalled;
                exchange.sendResponseHeaders(200, whole.length);
                OutputStream stream = exchange.getResponseBody();
                for (int i = 0; i < Math.min(stallAfter, out.size()); i++) {
                    stream.write((out.get(i) + "\n").getBytes(StandardCharsets.US_ASCII));
                }
                stream.flush();
                try {
                    until.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("stalled on purpose");
            }
            if (cutAfter < 0) {
                exchange.sendResponseHeaders(200, whole.length);
                exchange.getResponseBody().write(whole);
                return;
            }
            // Promise the whole length, send part of it, and drop the connection: a peer that died mid-transfer.
            exchange.sendResponseHeaders(200, whole.length);
            OutputStream stream = exchange.getResponseBody();
            for (int i = 0; i < Math.min(cutAfter, out.size()); i++) {
                stream.write((out.get(i) + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            stream.flush();
            throw new IOException("link cut on purpose");
        }
    }

    @Override
    public void close() {
        offline();
    }
}
