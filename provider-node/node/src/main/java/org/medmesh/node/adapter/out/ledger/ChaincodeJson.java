package org.medmesh.node.adapter.out.ledger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.domain.ledger.AccessDecision;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.AuditAnchor;
import org.medmesh.node.domain.ledger.BreakGlass;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.consent.ledger.ProvisionTree;

/** Encodes the chaincode's transaction arguments and decodes its JSON answers into domain values. */
final class ChaincodeJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ChaincodeJson() {}

    static String organization(OrganizationRegistration registration, Long previousVersion) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("mspId", registration.mspId());
        json.put("signingKey", registration.signingKey());
        json.put("agreementKey", registration.agreementKey());
        json.put("serviceEndpoint", registration.serviceEndpoint().toString());
        if (previousVersion != null) {
            json.put("previousVersion", previousVersion);
        }
        return json.toString();
    }

    static String accessEvent(AccessEvent event) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("eventId", event.eventId());
        json.put("requester", event.requester().value());
        json.put("holder", event.holder().value());
        json.put("patient", event.patient().value());
        json.put("consentId", event.consentId() == null ? null : event.consentId().value());
        if (event.breakGlass() == null) {
            json.putNull("breakGlass");
        } else {
            ObjectNode breakGlass = json.putObject("breakGlass");
            breakGlass.put("reasonCode", event.breakGlass().reasonCode());
            breakGlass.put("reasonHash", event.breakGlass().reasonHash());
        }
        json.put("purpose", event.purpose());
        json.put("decision", event.decision().name().toLowerCase(Locale.ROOT));
        json.put("reasonCode", event.denyReason());
        json.put("count", event.count());
        json.put("releasedHash", event.releasedHash());
        return json.toString();
    }

    static String anchor(AuditAnchor anchor) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("holder", anchor.holder().value());
        json.put("batchId", anchor.batchId());
        json.put("merkleRoot", anchor.merkleRoot());
        json.put("count", anchor.count());
        json.put("from", anchor.from().toString());
        json.put("to", anchor.to().toString());
        return json.toString();
    }

    static DidDocument didDocument(String payload) {
        JsonNode json = parse(payload);
        JsonNode document = json.path("didDocument");
        JsonNode metadata = json.path("didDocumentMetadata");
        Optional<String> endpoint = Optional.empty();
        for (JsonNode service : document.path("service")) {
            endpoint = Optional.of(service.path("serviceEndpoint").asText());
        }
        return new DidDocument(Did.parse(document.path("id").asText()),
                Long.parseLong(metadata.path("versionId").asText("0")), metadata.path("deactivated").asBoolean(),
                keyOf(document, "Ed25519", "#sign"), keyOf(document, "X25519", ""), endpoint, document.toString());
    }

    static Consent consent(JsonNode json) {
        return new Consent(ConsentId.parse(json.path("id").asText()), Did.parse(json.path("patient").asText()),
                json.path("consentHash").asText(), provision(json.path("provision")),
                status(json.path("effectiveStatus").asText()), instantOrNull(json, "issuedAt"),
                Instant.parse(json.path("grantedAt").asText()), instantOrNull(json, "revokedAt"));
    }

    static AccessEvent accessEvent(JsonNode json) {
        JsonNode breakGlass = json.path("breakGlass");
        return new AccessEvent(json.path("eventId").asText(), Did.parse(json.path("requester").asText()),
                Did.parse(json.path("holder").asText()), Did.parse(json.path("patient").asText()),
                textOrNull(json, "consentId") == null ? null : ConsentId.parse(json.path("consentId").asText()),
                breakGlass.isObject() ? new BreakGlass(breakGlass.path("reasonCode").asText(),
                        breakGlass.path("reasonHash").asText()) : null,
                json.path("purpose").asText(),
                AccessDecision.valueOf(json.path("decision").asText().toUpperCase(Locale.ROOT)),
                textOrNull(json, "reasonCode"), json.path("count").asInt(), textOrNull(json, "releasedHash"),
                instantOrNull(json, "claimedTime"), textOrNull(json, "txId"));
    }

    static AuditAnchor anchor(JsonNode json) {
        return new AuditAnchor(Did.parse(json.path("holder").asText()), json.path("batchId").asText(),
                json.path("merkleRoot").asText(), json.path("count").asLong(),
                Instant.parse(json.path("from").asText()), Instant.parse(json.path("to").asText()));
    }

    static <T> Page<T> page(String payload, Function<JsonNode, T> item) {
        JsonNode json = parse(payload);
        List<T> items = new ArrayList<>();
        for (JsonNode record : json.path("records")) {
            if (!record.isNull()) {
                items.add(item.apply(record));
            }
        }
        return new Page<>(items, json.path("bookmark").asText(""));
    }

    static JsonNode parse(String payload) {
        try {
            return MAPPER.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new LedgerClientException(LedgerErrorCode.UNKNOWN, "the ledger answered with malformed JSON", e);
        }
    }

    private static ProvisionTree provision(JsonNode json) {
        JsonNode period = json.path("period");
        List<ProvisionTree> exceptions = new ArrayList<>();
        json.path("provisions").forEach(nested -> exceptions.add(provision(nested)));
        return new ProvisionTree("permit".equals(json.path("type").asText()), instantOrNull(period, "start"),
                instantOrNull(period, "end"), texts(json, "grantees").stream().map(Did::parse).toList(),
                texts(json, "holders").stream().map(Did::parse).toList(), texts(json, "purposes"),
                texts(json, "classes"), texts(json, "securityLabels"), exceptions);
    }

    private static ConsentStatus status(String code) {
        return ConsentStatus.valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static String keyOf(JsonNode document, String curve, String fragment) {
        for (JsonNode method : document.path("verificationMethod")) {
            JsonNode jwk = method.path("publicKeyJwk");
            if (curve.equals(jwk.path("crv").asText()) && method.path("id").asText().endsWith(fragment)) {
                return jwk.path("x").asText();
            }
        }
        return "";
    }

    private static List<String> texts(JsonNode json, String field) {
        List<String> values = new ArrayList<>();
        json.path(field).forEach(value -> values.add(value.asText()));
        return values;
    }

    private static String textOrNull(JsonNode json, String field) {
        JsonNode value = json.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Instant instantOrNull(JsonNode json, String field) {
        String text = textOrNull(json, field);
        return text == null ? null : Instant.parse(text);
    }
}
