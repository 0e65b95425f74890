package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientKeys;

/**
 * A provider node's patient API in process (JDK HttpServer on a random port), answering per the contract and
 * checking what a real node and the ledger check: every signature against the keys it holds for the DID, versions,
 * one-time challenges, the document's SHA-256 against the grant, both DIDs' signatures on a link, the DID-auth
 * header of an access-log read, and a read of the patient's own records ({@link FakeOwnRecords}: single-use
 * challenges bound to the DID, the response verified, the DID enrolled here). Nodes made with {@link #peer} share one
 * ledger. It records every request, and a test
 * can script the next answer of a route (a problem, a raw body, a dropped connection, a delay).
 */
public final class FakeNode implements AutoCloseable {

    /**
     * A request as received; {@code body} is null without a JSON body, {@code query} without a query; header names
     * in lower case.
     */
    public record Request(String method, String path, String protocol, String contentType, JsonNode body,
            String query, Map<String, String> headers) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** The decoded query parameters. */
        public Map<String, String> parameters() {
            return FakeNode.parameters(query);
        }
    }

    /** A link this node made: the patient's DID here is the same person as their DID at the holder. */
    public record Link(Did patientHere, Did holder, Did patientAtHolder) {}

    /** What the node sends back: status, content type and body (null body: no content). */
    public record Reply(int status, String contentType, byte[] body) {}

    /** How a scripted route answers once, instead of the contract. */
    public sealed interface Script permits Respond, HangUp, Delay {}

    public record Respond(Reply reply) implements Script {}

    /** Closes the connection without an answer, after applying the request or not. */
    public record HangUp(boolean applyFirst) implements Script {}

    public record Delay(Duration delay) implements Script {}

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Did did;
    private final String name;
    private final Instant now;
    private final FakeLedger.Shared shared;
    final FakeLedger ledger;
    private final FakeOwnRecords ownRecords;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Deque<Script>> scripts = new HashMap<>();

    private FakeNode(Did did, String name, Instant now, FakeLedger.Shared shared) throws IOException {
        this.did = did;
        this.name = name;
        this.now = now;
        this.shared = shared;
        this.ledger = new FakeLedger(did, now, shared);
        this.ownRecords = new FakeOwnRecords(did, now, ledger);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** A node of organisation {@code mspId} on a ledger of its own, checking DID-auth times against {@code now}. */
    public static FakeNode start(String mspId, String name, Instant now) {
        return start(mspId, name, now, new FakeLedger.Shared());
    }

    /** Another node on this node's ledger: patient DIDs and the access log are shared, as in a real network. */
    public FakeNode peer(String mspId, String name) {
        return start(mspId, name, now, shared);
    }

    private static FakeNode start(String mspId, String name, Instant now, FakeLedger.Shared shared) {
        try {
            return new FakeNode(Did.forOrganization(mspId), name, now, shared);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public Did did() {
        return did;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests to one route, e.g. {@code "POST /relay/consents"} or {@code "POST /consents/*\/document"}. */
    public synchronized List<Request> requests(String route) {
        return requests.stream().filter(r -> route(r.method(), segments(r.path())).equals(route)).toList();
    }

    /** Answers the next request to {@code route} with {@code script} instead of the contract. */
    public synchronized void script(String route, Script script) {
        scripts.computeIfAbsent(route, r -> new ArrayDeque<>()).add(script);
    }

    public static Script problem(int status, String code, String detail) {
        ObjectNode problem = JSON.createObjectNode().put("type", "about:blank").put("title", "refused")
                .put("status", status).put("code", code).put("detail", detail);
        return new Respond(new Reply(status, "application/problem+json", bytes(problem)));
    }

    public static Script raw(int status, String contentType, String body) {
        return new Respond(new Reply(status, contentType, body.getBytes(StandardCharsets.UTF_8)));
    }

    public void issueChallenge(String challenge) {
        ledger.issueChallenge(challenge);
    }

    public Optional<PatientKeys> patientKeys(Did patient) {
        return ledger.keys(patient);
    }

    public long patientVersion(Did patient) {
        return ledger.version(patient);
    }

    public boolean isEnrolled(Did patient) {
        return ledger.isEnrolled(patient);
    }

    public Optional<ConsentGrant> grant(ConsentId id) {
        return ledger.grant(id);
    }

    public boolean isRevoked(ConsentId id) {
        return ledger.isRevoked(id);
    }

    /** The document delivered to this node as holder, as received. */
    public Optional<byte[]> deliveredDocument(ConsentId id) {
        return ledger.delivered(id);
    }

    /** The links this node made, as a requester. */
    public List<Link> links() {
        return ledger.links();
    }

    /** Puts an access event on the ledger, as a holder's node would: any node on this ledger serves it. */
    public void recordAccess(ObjectNode event) {
        ledger.recordAccess(event);
    }

    /** How many events a page of the access log holds at most (100 unless told), whatever the client asks for. */
    public void accessPageSize(int size) {
        ledger.accessPageSize(size);
    }

    /** A permitted access for treatment of one record, in the wire form of {@code GET /relay/access}. */
    public static ObjectNode accessEvent(String eventId, Instant time, Did requester, Did holder, Did patient) {
        return JSON.createObjectNode().put("eventId", eventId).put("time", time.toString())
                .put("requester", requester.value()).put("holder", holder.value()).put("patient", patient.value())
                .put("purpose", "TREAT").put("decision", "permit").put("count", 1).put("ledgerTx", "tx-" + eventId);
    }

    /** The FHIR Bundle {@code GET /patients/records} answers for {@code patient} (an empty one unless told). */
    public void holdRecords(Did patient, byte[] bundle) {
        ownRecords.hold(patient, bundle);
    }

    /** How many records challenges were issued and not yet answered. */
    public int openRecordsChallenges() {
        return ownRecords.openChallenges();
    }

    /** A revocation the test makes as if another device of the patient had sent it. */
    public void revokeElsewhere(ConsentId id) {
        ledger.revoke(id);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String method = exchange.getRequestMethod();
            List<String> segments = segments(exchange.getRequestURI().getRawPath());
            byte[] raw = exchange.getRequestBody().readAllBytes();
            JsonNode body = raw.length == 0 ? null : JSON.readTree(raw);
            String route = route(method, segments);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((header, values) ->
                    headers.put(header.toLowerCase(Locale.ROOT), values.get(0)));
            Request request = new Request(method, exchange.getRequestURI().getRawPath(), exchange.getProtocol(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body,
                    exchange.getRequestURI().getRawQuery(), Map.copyOf(headers));
            Script script;
            synchronized (this) {
                requests.add(request);
                Deque<Script> queued = scripts.get(route);
                script = queued == null ? null : queued.poll();
            }
            if (script instanceof Respond respond) {
                send(exchange, respond.reply());
                return;
            }
            if (script instanceof Delay delay) {
                sleep(delay.delay());
            }
            if (script instanceof HangUp hangUp) {
                if (hangUp.applyFirst()) {
                    answer(route, segments, request);
                }
                return; // closing without a status line drops the connection
            }
            send(exchange, answer(route, segments, request));
        } finally {
            exchange.close();
        }
    }

    private Reply answer(String route, List<String> segments, Request request) {
        JsonNode body = request.body();
        try {
            return switch (route) {
                case "GET /identity" -> ok(200, JSON.createObjectNode().put("did", did.value())
                        .put("serviceEndpoint", url().toString()).put("name", name));
                case "POST /relay/patients" -> ledger.register(text(body, "operation"));
                case "POST /relay/patients/rotations" -> ledger.rotate(text(body, "operation"));
                case "POST /enrolments/*/response" -> ledger.enrol(segments.get(1), text(body, "response"));
                case "POST /relay/consents" -> ledger.submitGrant(text(body, "grant"), text(body, "document"));
                case "GET /relay/consents/*" -> ledger.consent(segments.get(2));
                case "POST /relay/consents/*/revocation" -> ledger.revoke(segments.get(2), text(body, "operation"));
                case "POST /consents/*/document" -> ledger.deliver(segments.get(1), text(body, "document"));
                case "POST /patients/links" -> ledger.link(text(body, "holder"), text(body, "here"),
                        text(body, "there"));
                case "GET /relay/access" -> ledger.accessLog(request.header("MedMesh-DID-Auth"),
                        request.parameters());
                case "POST /patients/challenges" -> ownRecords.challenge(text(body, "did"));
                case "GET /patients/records" -> ownRecords.records(request.header("MedMesh-Challenge"),
                        request.header("MedMesh-DID-Auth"));
                default -> problemReply(404, "NOT_FOUND", "no such route");
            };
        } catch (ChaincodeException | IllegalArgumentException e) {
            return problemReply(400, "MALFORMED_INPUT", "the request is malformed");
        }
    }

    static Reply ok(int status, JsonNode body) {
        return new Reply(status, "application/json", bytes(body));
    }

    static Reply problemReply(int status, String code, String detail) {
        return ((Respond) problem(status, code, detail)).reply();
    }

    static String hash(String base64Url) {
        return Sha256.hex(Base64Url.decode(base64Url));
    }

    private static String text(JsonNode body, String field) {
        if (body == null || !body.path(field).isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        return body.get(field).textValue();
    }

    static Map<String, String> parameters(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String route(String method, List<String> segments) {
        Set<Integer> variable = new HashSet<>();
        if (segments.size() >= 2 && (segments.get(0).equals("enrolments") || segments.get(0).equals("consents"))) {
            variable.add(1);
        }
        if (segments.size() >= 3 && segments.get(0).equals("relay") && segments.get(1).equals("consents")) {
            variable.add(2);
        }
        List<String> shape = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            shape.add(variable.contains(i) ? "*" : segments.get(i));
        }
        return method + " /" + String.join("/", shape);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), reply.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(reply.body());
        }
    }

    private static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
