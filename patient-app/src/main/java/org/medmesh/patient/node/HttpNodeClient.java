package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.ServiceEndpoint;

/**
 * {@link NodeClient} over {@code java.net.http}. Answers are read leniently (unknown fields are ignored, so a node
 * may add some) but what the patient relies on is checked: the DIDs, the consent id and the document hash must be
 * the ones the request was about.
 */
final class HttpNodeClient implements NodeClient {

    private final HttpExchanges exchanges;
    private final AccessLogPages accessLog;
    private final OwnRecordsCalls ownRecords;

    HttpNodeClient(Duration connectTimeout, Duration requestTimeout) {
        this(connectTimeout, requestTimeout, OwnRecordsCalls.MAX_RECORDS_BYTES);
    }

    /** With another bound on the records Bundle: a test seam, so the bound is tested without 256 MiB. */
    HttpNodeClient(Duration connectTimeout, Duration requestTimeout, int maxRecordsBytes) {
        this.exchanges = new HttpExchanges(connectTimeout, requestTimeout);
        this.accessLog = new AccessLogPages(exchanges);
        this.ownRecords = new OwnRecordsCalls(exchanges, maxRecordsBytes);
    }

    @Override
    public NodeIdentity identity(URI node) {
        HttpExchanges.Answer answer = exchanges.get(node, "/identity");
        return read(node, answer, body -> new NodeIdentity(Did.parseOrganization(text(body, "did")),
                ServiceEndpoint.parse(text(body, "serviceEndpoint")), optionalText(body, "name")));
    }

    @Override
    public PatientDidCommit registerPatient(URI node, String signedCreate) {
        return didCommit(node, "/relay/patients", signedCreate);
    }

    @Override
    public PatientDidCommit rotatePatientKeys(URI node, String signedRotation) {
        return didCommit(node, "/relay/patients/rotations", signedRotation);
    }

    @Override
    public EnrolmentAnswer answerEnrolmentChallenge(URI node, String challenge, String signedResponse) {
        if (challenge == null || challenge.isEmpty()) {
            throw new IllegalArgumentException("an enrolment code is needed");
        }
        ObjectNode request = HttpExchanges.JSON.createObjectNode().put("response", required(signedResponse));
        HttpExchanges.Answer answer = exchanges.post(node, "/enrolments/" + segment(challenge) + "/response", request);
        return read(node, answer, body -> new EnrolmentAnswer(Did.parsePatient(text(body, "patientDid")),
                bool(body, "enrolled")));
    }

    @Override
    public GrantReceipt submitGrant(URI node, String signedGrant, byte[] document) {
        ObjectNode payload = payloadOf(signedGrant);
        ConsentId expectedId = ConsentId.of(payload);
        Did patient = patientOf(payload, "patient");
        String expectedHash = Sha256.hex(Objects.requireNonNull(document, "document"));
        ObjectNode request = HttpExchanges.JSON.createObjectNode()
                .put("grant", signedGrant)
                .put("document", Base64Url.encode(document));
        HttpExchanges.Answer answer = exchanges.post(node, "/relay/consents", request);
        GrantReceipt receipt = read(node, answer, body -> new GrantReceipt(ConsentId.parse(text(body, "id")),
                status(text(body, "status")), Did.parsePatient(text(body, "patient")), text(body, "consentHash")));
        if (!receipt.id().equals(expectedId) || !receipt.consentHash().equals(expectedHash)
                || !receipt.patient().equals(patient)) {
            throw NodeException.badResponse(node, answer.status(), "an answer about another consent");
        }
        return receipt;
    }

    @Override
    public ConsentView consent(URI node, ConsentId id) {
        HttpExchanges.Answer answer = exchanges.get(node, "/relay/consents/" + segment(id.value()));
        ConsentView view = read(node, answer, body -> new ConsentView(ConsentId.parse(text(body, "id")),
                status(text(body, "status")), Did.parsePatient(text(body, "patient")), text(body, "consentHash"),
                optionalInstant(body, "grantedAt"), optionalInstant(body, "revokedAt")));
        requireSameConsent(node, answer, id, view.id());
        return view;
    }

    @Override
    public EffectiveStatus submitRevocation(URI node, ConsentId id, String signedRevocation) {
        ObjectNode request = HttpExchanges.JSON.createObjectNode().put("operation", required(signedRevocation));
        HttpExchanges.Answer answer =
                exchanges.post(node, "/relay/consents/" + segment(id.value()) + "/revocation", request);
        requireSameConsent(node, answer, id, read(node, answer, body -> ConsentId.parse(text(body, "id"))));
        return read(node, answer, body -> status(text(body, "status")));
    }

    @Override
    public void deliverDocument(URI node, ConsentId id, byte[] document) {
        ObjectNode request = HttpExchanges.JSON.createObjectNode()
                .put("document", Base64Url.encode(Objects.requireNonNull(document, "document")));
        exchanges.post(node, "/consents/" + segment(id.value()) + "/document", request);
    }

    @Override
    public PatientLink link(URI node, Did holder, String here, String there) {
        if (holder == null || !holder.isOrganization()) {
            throw new IllegalArgumentException("the holder is a hospital's organisation DID");
        }
        Did patientAtHolder = patientOf(payloadOf(there), "did");
        if (patientOf(payloadOf(here), "did").equals(patientAtHolder)) {
            throw new IllegalArgumentException("a link is signed by two different DIDs");
        }
        ObjectNode request = HttpExchanges.JSON.createObjectNode()
                .put("holder", holder.value())
                .put("here", here)
                .put("there", there);
        HttpExchanges.Answer answer = exchanges.post(node, "/patients/links", request);
        PatientLink link = read(node, answer, body -> new PatientLink(Did.parseOrganization(text(body, "holder")),
                Did.parsePatient(text(body, "patientAtHolder"))));
        if (!link.holder().equals(holder) || !link.patientAtHolder().equals(patientAtHolder)) {
            throw NodeException.badResponse(node, answer.status(), "an answer about another link");
        }
        return link;
    }

    @Override
    public List<AccessEvent> accessLog(URI node, String didAuth, Instant from, Instant to) {
        return accessLog.read(node, didAuth, from, to);
    }

    @Override
    public RecordsChallenge recordsChallenge(URI node, Did patient) {
        return ownRecords.challenge(node, patient);
    }

    @Override
    public OwnRecords records(URI node, String challenge, String didAuth) {
        return ownRecords.read(node, challenge, didAuth);
    }

    private PatientDidCommit didCommit(URI node, String path, String signedOperation) {
        Did did = patientOf(payloadOf(signedOperation), "did");
        ObjectNode request = HttpExchanges.JSON.createObjectNode().put("operation", signedOperation);
        HttpExchanges.Answer answer = exchanges.post(node, path, request);
        PatientDidCommit commit = read(node, answer, body -> new PatientDidCommit(Did.parsePatient(text(body, "did")),
                integer(body, "version"), text(body, "txId")));
        if (!commit.did().equals(did)) {
            throw NodeException.badResponse(node, answer.status(), "an answer about another DID");
        }
        return commit;
    }

    static ObjectNode payloadOf(String compactJws) {
        try {
            return CompactJws.parse(required(compactJws)).payload();
        } catch (ChaincodeException e) {
            throw new IllegalArgumentException("not a compact JWS signed by the wallet");
        }
    }

    static Did patientOf(ObjectNode payload, String field) {
        try {
            return Did.parsePatient(payload.path(field).asText());
        } catch (ChaincodeException e) {
            throw new IllegalArgumentException("the signed operation names no patient DID");
        }
    }

    private static void requireSameConsent(URI node, HttpExchanges.Answer answer, ConsentId asked, ConsentId got) {
        if (!asked.equals(got)) {
            throw NodeException.badResponse(node, answer.status(), "an answer about another consent");
        }
    }

    /** Reads a 2xx body; anything missing or malformed is the node's fault, not the caller's. */
    static <T> T read(URI node, HttpExchanges.Answer answer, Function<JsonNode, T> reader) {
        if (answer.body() == null || !answer.body().isObject()) {
            throw NodeException.badResponse(node, answer.status(), "an answer without the expected JSON object");
        }
        try {
            return reader.apply(answer.body());
        } catch (ChaincodeException | IllegalArgumentException | DateTimeException | NullPointerException
                | ArithmeticException e) {
            throw NodeException.badResponse(node, answer.status(), "an answer with missing or malformed fields");
        }
    }

    static String text(JsonNode body, String field) {
        String value = optionalText(body, field);
        if (value == null) {
            throw new IllegalArgumentException("missing " + field);
        }
        return value;
    }

    static String optionalText(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.textValue();
    }

    static long integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.canConvertToExactIntegral() || !value.canConvertToLong()) {
            throw new IllegalArgumentException(field + " is not an integer");
        }
        return value.longValue();
    }

    private static boolean bool(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(field + " is not a boolean");
        }
        return value.booleanValue();
    }

    static Instant optionalInstant(JsonNode body, String field) {
        String value = optionalText(body, field);
        return value == null ? null : Instant.parse(value);
    }

    private static EffectiveStatus status(String code) {
        for (EffectiveStatus status : EffectiveStatus.values()) {
            if (status.code().equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown consent status");
    }

    private static String required(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a signed operation is needed");
        }
        return value;
    }

    /** One path segment: percent-encoded UTF-8 (URLEncoder is for forms, so its '+' for space is undone). */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
