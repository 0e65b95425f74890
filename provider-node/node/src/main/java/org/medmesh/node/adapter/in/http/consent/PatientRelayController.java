package org.medmesh.node.adapter.in.http.consent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.adapter.in.http.JsonBodies;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.LedgerReceipt;
import org.medmesh.node.domain.ledger.SignedOperation;

/**
 * {@code POST /relay/patients} (a wallet's self-signed DID creation) and {@code POST /relay/patients/rotations}.
 * No bearer token: the operation is signed by the patient and verified by the chaincode against the DID itself.
 */
@Controller("/relay/patients")
@ExecuteOn(TaskExecutors.BLOCKING)
final class PatientRelayController {
    private final LedgerClient ledger;

    PatientRelayController(LedgerClient ledger) {
        this.ledger = ledger;
    }

    @Post(consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> register(@Nullable @Body String body) {
        SignedOperation operation = operation(body);
        return HttpResponse.created(committed(operation, ledger.registerPatient(operation)));
    }

    @Post(uri = "/rotations", consumes = MediaType.APPLICATION_JSON, produces = MediaType.APPLICATION_JSON)
    HttpResponse<Map<String, Object>> rotate(@Nullable @Body String body) {
        SignedOperation operation = operation(body);
        return HttpResponse.ok(committed(operation, ledger.rotatePatientKeys(operation)));
    }

    static SignedOperation operation(String body) {
        try {
            return new SignedOperation(JsonBodies.text(body, "operation"));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ApiError.BAD_REQUEST, "\"operation\" must be a compact JWS");
        }
    }

    /** The DID as the ledger now has it, after the committed operation (which the chaincode checked names it). */
    private Map<String, Object> committed(SignedOperation operation, LedgerReceipt receipt) {
        Did did = Did.parse(CompactJws.parse(operation.compactJws()).payload().get("did").textValue());
        DidDocument document = ledger.resolve(did).orElseThrow();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("did", did.value());
        json.put("version", document.version());
        json.put("txId", receipt.txId());
        return json;
    }
}
