package org.medmesh.node.adapter.in.http.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medmesh.chaincode.consent.ConsentRevocation;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.consent.AcceptConsentDocument;
import org.medmesh.node.application.consent.SubmitConsent;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.node.domain.ledger.SignedOperation;

/**
 * A wallet's consents: {@code POST /relay/consents} (a signed grant with the signed FHIR Consent it covers),
 * {@code GET /relay/consents/{id}}, {@code POST /relay/consents/{id}/revocation}; and {@code POST
 * /consents/{id}/document}, a holder taking in the signed Consent of a grant already on the ledger. No bearer
 * token: everything is signed by the patient, and what the ledger serves carries no PHI.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
final class ConsentRelayController {
    private final LedgerClient ledger;
    private final SubmitConsent submit;
    private final AcceptConsentDocument accept;

    ConsentRelayController(LedgerClient ledger, SubmitConsent submit, AcceptConsentDocument accept) {
        this.ledger = ledger;
        this.submit = submit;
        this.accept = accept;
    }

    @Post(uri = "/relay/consents", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> grant(@Nullable @Body String body) {
        String grant = JsonBodies.text(body, "grant");
        byte[] document = JsonBodies.base64Url(body, "document");
        return HttpResponse.created(json(submit.submit(grant, document)));
    }

    @Get(uri = "/relay/consents/{id}", produces = MediaType.APPLICATION_JSON)
    Map<String, Object> read(@PathVariable String id) {
        return json(ledger.readConsent(consentId(id)).orElseThrow(() ->
                new ApiException(ApiError.NOT_FOUND, "no such consent on the ledger")));
    }

    @Post(uri = "/relay/consents/{id}/revocation", consumes = MediaType.APPLICATION_JSON,
            produces = MediaType.APPLICATION_JSON)
    Map<String, Object> revoke(@PathVariable String id, @Nullable @Body String body) {
        ConsentId consentId = consentId(id);
        SignedOperation operation = PatientRelayController.operation(body);
        String signedFor = revokedConsent(operation);
        if (!signedFor.equals(consentId.value())) {
            // Checked before anything is submitted: a mismatched URL is the caller's mistake and changes nothing.
            throw new ApiException(ApiError.BAD_REQUEST, "the revocation is for " + signedFor + ", not " + id);
        }
        return json(ledger.revokeConsent(operation));
    }

    @Post(uri = "/consents/{id}/document", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<Void> document(@PathVariable String id, @Nullable @Body String body) {
        accept.accept(consentId(id), JsonBodies.base64Url(body, "document"));
        return HttpResponse.noContent();
    }

    /** The consent the signed revocation names, read by the chaincode's own parser (its checks come later). */
    private static String revokedConsent(SignedOperation operation) {
        try {
            return ConsentRevocation.parse(operation.compactJws()).consentId().value();
        } catch (RuntimeException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"operation\" is not a signed consent revocation");
        }
    }

    private static ConsentId consentId(String id) {
        try {
            return ConsentId.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "not a consent id");
        }
    }

    static Map<String, Object> json(Consent consent) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", consent.id().value());
        json.put("status", consent.status().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        json.put("patient", consent.patient().value());
        json.put("consentHash", consent.consentHash());
        json.put("grantedAt", consent.grantedAt().toString());
        if (consent.revokedAt() != null) {
            json.put("revokedAt", consent.revokedAt().toString());
        }
        return json;
    }
}
