package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One JSON request and its answer over HTTP/1.1, with every failure turned into a {@link NodeException}: bounded in
 * time (connect timeout plus request timeout, body included) and in size ({@link #MAX_ANSWER_BYTES}, unless a call
 * names its own bound), redirects not followed (a node that moved should be named by its new address, not followed
 * blindly with the patient's signed operations).
 */
final class HttpExchanges {

    static final int MAX_ANSWER_BYTES = 1024 * 1024;
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final HttpClient http;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    HttpExchanges(Duration connectTimeout, Duration requestTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A 2xx answer: its status and its JSON body, or null when the body is empty. */
    record Answer(int status, JsonNode body) {}

    /** A 2xx answer as received: a class, not a record, because it holds bytes. */
    static final class RawAnswer {
        private final int status;
        private final byte[] body;

        RawAnswer(int status, byte[] body) {
            this.status = status;
            this.body = body;
        }

        int status() {
            return status;
        }

        /** The body itself, not a copy: the caller owns the answer. */
        byte[] body() {
            return body;
        }
    }

    Answer get(URI node, String path) {
        return send(node, request(node, path).GET().build());
    }

    /** A GET with one more header, e.g. the patient's proof of control of a DID. */
    Answer get(URI node, String path, String header, String value) {
        return send(node, request(node, path).header(header, value).GET().build());
    }

    /**
     * A GET whose 2xx body is wanted as the exact bytes received (e.g. a FHIR Bundle to save as it came), accepting
     * {@code accept} or a problem, with more headers, and up to {@code maxBytes} instead of {@link #MAX_ANSWER_BYTES}.
     */
    RawAnswer getBytes(URI node, String path, String accept, Map<String, String> headers, int maxBytes) {
        HttpRequest.Builder request = request(node, path).setHeader("Accept", accept + ", application/problem+json");
        headers.forEach(request::header);
        HttpResponse<byte[]> response = exchange(node, request.GET().build(), maxBytes);
        requireSuccess(node, response);
        return new RawAnswer(response.statusCode(), response.body());
    }

    Answer post(URI node, String path, JsonNode body) {
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException("a request body could not be written", e);
        }
        HttpRequest request = request(node, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return send(node, request);
    }

    /**
     * {@code node} + {@code path} (which may end in a query); the node must be an absolute http(s) URL without query
     * or fragment.
     */
    static URI resolve(URI node, String path) {
        Objects.requireNonNull(node, "node");
        String scheme = node.getScheme();
        if (!("http".equals(scheme) || "https".equals(scheme)) || node.getHost() == null
                || node.getRawQuery() != null || node.getRawFragment() != null || node.getRawUserInfo() != null) {
            throw new IllegalArgumentException("a node address is an http(s) URL without query, fragment or user");
        }
        String base = node.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + path);
    }

    private HttpRequest.Builder request(URI node, String path) {
        return HttpRequest.newBuilder(resolve(node, path))
                .timeout(requestTimeout)
                .header("Accept", "application/json, application/problem+json");
    }

    private Answer send(URI node, HttpRequest request) {
        HttpResponse<byte[]> response = exchange(node, request, MAX_ANSWER_BYTES);
        requireSuccess(node, response);
        byte[] body = response.body();
        return new Answer(response.statusCode(), body.length == 0 ? null : parse(node, response.statusCode(), body));
    }

    private static void requireSuccess(URI node, HttpResponse<byte[]> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 400 && status < 600) {
            throw refusal(node, status, response.body());
        }
        throw NodeException.badResponse(node, status, "unexpected HTTP status " + status);
    }

    private HttpResponse<byte[]> exchange(URI node, HttpRequest request, int maxBytes) {
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request, info -> new BoundedBody(maxBytes));
        try {
            return future.get(connectTimeout.plus(requestTimeout).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw NodeException.noAnswer(node, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw NodeException.noAnswer(node, e);
        } catch (ExecutionException e) {
            throw failure(node, e.getCause());
        }
    }

    private static NodeException failure(URI node, Throwable cause) {
        Throwable failure = cause;
        while (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof HttpConnectTimeoutException || failure instanceof ConnectException) {
            return NodeException.unreachable(node, failure);
        }
        if (failure instanceof AnswerTooLarge tooLarge) {
            return NodeException.badResponse(node, 0, "an answer larger than " + tooLarge.limit + " bytes");
        }
        return NodeException.noAnswer(node, failure);
    }

    private static JsonNode parse(URI node, int status, byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw NodeException.badResponse(node, status, "an answer that is not JSON");
        }
    }

    /** An error status: the problem's code and detail (or title) when the body is a JSON object, else the status. */
    private static NodeException refusal(URI node, int status, byte[] body) {
        JsonNode problem = null;
        try {
            problem = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            // an error page that is not a problem document: the status alone says what happened
        }
        if (problem == null || !problem.isObject()) {
            return NodeException.refused(node, status, null, null);
        }
        String detail = text(problem, "detail");
        return NodeException.refused(node, status, text(problem, "code"), detail != null ? detail : text(problem,
                "title"));
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static Duration positive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    private static final class AnswerTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        private final int limit;

        AnswerTooLarge(int limit) {
            super("answer too large");
            this.limit = limit;
        }
    }

    /**
     * Collects a body up to a limit, then gives up: a node cannot make the app hold an unbounded answer. The chunks
     * are joined once at the end rather than in a doubling buffer that is copied again, which matters for the
     * records call's larger bound.
     */
    private static final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final List<byte[]> chunks = new ArrayList<>();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private long size;
        private Flow.Subscription subscription;

        BoundedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public void onSubscribe(Flow.Subscription newSubscription) {
            subscription = newSubscription;
            newSubscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (size + item.remaining() > limit) {
                    subscription.cancel();
                    chunks.clear();
                    result.completeExceptionally(new AnswerTooLarge(limit));
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                chunks.add(chunk);
                size += chunk.length;
            }
        }

        @Override
        public void onError(Throwable throwable) {
            chunks.clear();
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] body = new byte[(int) size];
            int at = 0;
            for (byte[] chunk : chunks) {
                System.arraycopy(chunk, 0, body, at, chunk.length);
                at += chunk.length;
            }
            chunks.clear();
            result.complete(body);
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }
    }
}
