package org.medmesh.patient.node;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.medmesh.chaincode.identity.Did;

/**
 * The patient's right of access: {@code POST /patients/challenges} for a one-time challenge, then
 * {@code GET /patients/records} with the challenge and the wallet's DID-auth response over it. The Bundle is the only
 * answer allowed past {@link HttpExchanges#MAX_ANSWER_BYTES} (thousands of resources run to megabytes), up to its
 * own bound; it is kept byte for byte and only counted, never rewritten.
 */
final class OwnRecordsCalls {

    static final String CHALLENGE_HEADER = "MedMesh-Challenge";
    static final String FHIR_JSON = "application/fhir+json";
    /** Far above the few megabytes of a long history, yet a node cannot make the app hold gigabytes. */
    static final int MAX_RECORDS_BYTES = 256 * 1024 * 1024;

    private final HttpExchanges exchanges;
    private final int maxRecordsBytes;

    OwnRecordsCalls(HttpExchanges exchanges, int maxRecordsBytes) {
        if (maxRecordsBytes <= 0) {
            throw new IllegalArgumentException("maxRecordsBytes must be positive");
        }
        this.exchanges = exchanges;
        this.maxRecordsBytes = maxRecordsBytes;
    }

    RecordsChallenge challenge(URI node, Did patient) {
        if (patient == null || patient.isOrganization()) {
            throw new IllegalArgumentException("a challenge is asked for a patient DID");
        }
        ObjectNode request = HttpExchanges.JSON.createObjectNode().put("did", patient.value());
        HttpExchanges.Answer answer = exchanges.post(node, "/patients/challenges", request);
        return HttpNodeClient.read(node, answer, body -> new RecordsChallenge(HttpNodeClient.text(body, "challenge"),
                Did.parseOrganization(HttpNodeClient.text(body, "audience")),
                Instant.parse(HttpNodeClient.text(body, "expiresAt"))));
    }

    OwnRecords read(URI node, String challenge, String didAuth) {
        if (!RecordsChallenge.isWellFormed(challenge)) {
            throw new IllegalArgumentException("not a challenge a node issued");
        }
        HttpNodeClient.patientOf(HttpNodeClient.payloadOf(didAuth), "did");
        HttpExchanges.RawAnswer answer = exchanges.getBytes(node, "/patients/records", FHIR_JSON,
                Map.of(CHALLENGE_HEADER, challenge, AccessLogPages.DID_AUTH_HEADER, didAuth), maxRecordsBytes);
        try {
            return new OwnRecords(answer.body(), RecordsSummary.of(answer.body()));
        } catch (IllegalArgumentException e) {
            throw NodeException.badResponse(node, answer.status(), "an answer that is not a FHIR Bundle");
        }
    }
}
