package org.medmesh.node.adapter.out.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.medmesh.node.adapter.out.jose.ChunkOpener;
import org.medmesh.node.adapter.out.jose.ExchangeRequestCodec;
import org.medmesh.node.adapter.out.jose.ReplyKey;
import org.medmesh.node.application.port.ExchangeClient;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.HolderFailedException;
import org.medmesh.node.application.port.HolderFailedException.Kind;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/**
 * The exchange over HTTP: {@code POST <endpoint>/exchange/requests} with the signed request, then the answer's lines
 * (compact JWEs) verified and decrypted one by one as they arrive, the manifest last. The reply key lives for this
 * one call and is erased when it ends, whatever the outcome.
 */
public final class HttpExchangeClient implements ExchangeClient {
    private static final String PATH = "/exchange/requests";
    /** An envelope is at most {@code Envelopes.MAX_ENVELOPE_CHARS}; a little more for the line's end. */
    private static final int MAX_LINE = 200 * 1024;
    private static final int MAX_PROBLEM = 64 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService DEADLINES = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "exchange-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    private final NodeKeys keys;
    private final HttpClient http;
    private final Duration timeout;
    private final long maxAnswerBytes;

    /**
     * @param timeout how long one transfer may take in all (connecting, the holder's decision and ledger commit,
     *     and the whole stream)
     */
    public HttpExchangeClient(NodeKeys keys, Duration connectTimeout, Duration timeout, long maxAnswerBytes) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.maxAnswerBytes = maxAnswerBytes;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public Fetched fetch(URI endpoint, Did holder, String holderSigningKey, Function<String, ExchangeRequest> build,
            Progress progress) {
        try (ReplyKey replyKey = ReplyKey.generate()) {
            String jws = ExchangeRequestCodec.sign(build.apply(replyKey.publicKey()), keys);
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint + PATH)).timeout(timeout)
                    .header("Content-Type", "application/jose")
                    .header("Accept", "application/vnd.medmesh.exchange-stream, application/problem+json")
                    .POST(HttpRequest.BodyPublishers.ofString(jws, StandardCharsets.US_ASCII)).build();
            long start = System.nanoTime();
            HttpResponse<InputStream> response = send(request);
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            // The request's timeout covers the wait for the response's head only, and a blocked read ignores
            // interrupts: a holder that stalls mid-stream is given up by closing the stream at the deadline.
            AtomicBoolean abandoned = new AtomicBoolean();
            boolean ok = response.statusCode() == 200;
            BoundedLines body = new BoundedLines(response.body(), ok ? MAX_LINE : MAX_PROBLEM,
                    ok ? maxAnswerBytes : MAX_PROBLEM);
            ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
                abandoned.set(true);
                body.close();
            }, Math.max(1, timeout.minus(waited).toMillis()), TimeUnit.MILLISECONDS);
            try (BoundedLines lines = body) {
                if (!ok) {
                    throw failure(response.statusCode(), problem(lines));
                }
                return read(lines, new ChunkOpener(ExchangeRequestCodec.requestId(jws), replyKey, holder,
                        holderSigningKey), progress, waited);
            } catch (UncheckedIOException e) {
                throw new HolderFailedException(Kind.UNREACHABLE, null, abandoned.get()
                        ? "the transfer took longer than " + timeout.toSeconds() + " s and was abandoned"
                        : "the connection to the holder broke during the transfer", e);
            } finally {
                deadline.cancel(false);
            }
        }
    }

    private static Fetched read(Iterator<String> lines, ChunkOpener opener, Progress progress, Duration waited) {
        long start = System.nanoTime();
        long opening = 0;
        try (opener) {
            long bytes = 0;
            while (lines.hasNext()) {
                String line = lines.next();
                bytes += line.length() + 1;
                long open = System.nanoTime();
                if (opener.awaitsManifest()) {
                    byte[] plaintext = opener.finish(line);
                    opening += System.nanoTime() - open;
                    if (lines.hasNext()) {
                        java.util.Arrays.fill(plaintext, (byte) 0);
                        throw new ExchangeRefusedException(ExchangeRefusal.AFTER_LAST,
                                "something followed the manifest");
                    }
                    Duration opened = Duration.ofNanos(opening);
                    return new Fetched(plaintext, opener.receipt(), opener.received(), waited,
                            Duration.ofNanos(System.nanoTime() - start).minus(opened), opened);
                }
                opener.accept(line);
                opening += System.nanoTime() - open;
                progress.chunk(opener.received(), bytes);
            }
            throw new ExchangeRefusedException(ExchangeRefusal.TRUNCATED,
                    opener.awaitsManifest() ? "the stream ended before its manifest"
                            : "the stream ended before its last chunk");
        }
    }

    /** The holder's problem+json, at most {@value #MAX_PROBLEM} bytes of it. */
    private static String problem(BoundedLines lines) {
        StringBuilder text = new StringBuilder();
        try {
            lines.forEachRemaining(line -> text.append(line).append('\n'));
        } catch (ExchangeRefusedException e) {
            // too long: what was read is enough to tell the refusal, or it is not problem+json
        }
        return text.toString();
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new HolderFailedException(Kind.UNREACHABLE, null, "the holder could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HolderFailedException(Kind.UNREACHABLE, null, "interrupted while reaching the holder", e);
        }
    }

    /** The holder's problem+json as a failure; the detail is the holder's own words (no record content). */
    private static HolderFailedException failure(int status, String body) {
        String code = null;
        String detail = "the holder answered HTTP " + status;
        try {
            JsonNode problem = JSON.readTree(body);
            code = problem.path("code").isTextual() ? problem.path("code").asText() : null;
            if (problem.path("detail").isTextual()) {
                detail = detail + ": " + problem.path("detail").asText();
            }
        } catch (IOException | RuntimeException e) {
            // not problem+json: the status is all we have
        }
        Kind kind = status == 403 ? Kind.DENIED : status >= 500 ? Kind.UNAVAILABLE : Kind.REFUSED;
        return new HolderFailedException(kind, code, detail, null);
    }
}
