package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.refuse;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.state.LedgerState;

/** The write side of the DID method: create, update, rotate and deactivate, one event per transaction. */
final class DidRegistry {

    static final String REGISTERED = "DidRegistered";
    static final String ROTATED = "DidRotated";
    static final String DEACTIVATED = "DidDeactivated";

    private final LedgerState state;
    private final Identities identities;

    DidRegistry(LedgerState state) {
        this.state = state;
        this.identities = new Identities(state);
    }

    String registerOrganization(OrganizationPayload payload) {
        identities.requireCallerMsp(payload.did().mspId());
        requireAbsent(payload.did());
        DidRecord record = new DidRecord(payload.did(), 1, payload.signingKey(), payload.agreementKey(), null,
                payload.did().mspId(), payload.endpoint(), false, state.now(), state.now());
        return store(record, REGISTERED);
    }

    String updateOrganization(OrganizationPayload payload) {
        identities.requireCallerMsp(payload.did().mspId());
        DidRecord current = requireUpdatable(payload.did(), payload.previousVersion());
        return store(current.withOrganizationKeys(payload.signingKey(), payload.agreementKey(), payload.endpoint(),
                state.now()), ROTATED);
    }

    String registerPatient(PatientOperation operation) {
        if (!operation.keys().deriveDid().equals(operation.did())) {
            throw refuse(ErrorCode.MALFORMED_INPUT, "DID is not derived from its initial keys");
        }
        DidRecord record = DidRecord.newPatient(operation.did(), operation.keys(), state.now());
        // The create is signed by the key it registers: proof that the registrant holds it.
        PatientSignatures.requireSignedBySigningKey(operation.jws(), record);
        requireAbsent(operation.did());
        return store(record, REGISTERED);
    }

    String rotatePatient(PatientOperation operation) {
        DidRecord current = identities.requireActive(operation.did());
        boolean recovery = PatientSignatures.requireSignedBySigningOrRecoveryKey(operation.jws(), current);
        // Otherwise a thief holding only the signing key could replace the recovery key and lock the patient out.
        if (!recovery && !operation.keys().recoveryKey().equals(current.recoveryKey())) {
            throw refuse(ErrorCode.BAD_SIGNATURE, "only the recovery key may replace the recovery key");
        }
        requireVersion(current, operation.previousVersion());
        return store(current.withPatientKeys(operation.keys(), state.now()), ROTATED);
    }

    String deactivatePatient(PatientOperation operation) {
        DidRecord current = identities.requireActive(operation.did());
        PatientSignatures.requireSignedBySigningOrRecoveryKey(operation.jws(), current);
        requireVersion(current, operation.previousVersion());
        return store(current.deactivate(state.now()), DEACTIVATED);
    }

    private DidRecord requireUpdatable(Did did, long previousVersion) {
        DidRecord current = identities.find(did)
                .orElseThrow(() -> refuse(ErrorCode.NOT_FOUND, "organisation is not registered"));
        if (current.deactivated()) {
            throw refuse(ErrorCode.DEACTIVATED, "DID is deactivated");
        }
        requireVersion(current, previousVersion);
        return current;
    }

    private static void requireVersion(DidRecord current, long previousVersion) {
        if (current.version() != previousVersion) {
            throw refuse(ErrorCode.STALE_VERSION, "previousVersion is not the current version");
        }
    }

    private void requireAbsent(Did did) {
        if (state.exists(DidRecord.key(did))) {
            throw refuse(ErrorCode.DUPLICATE, "DID is already registered");
        }
    }

    private String store(DidRecord record, String eventName) {
        identities.write(record);
        ObjectNode event = CanonicalJson.object();
        event.put("did", record.did().value());
        event.put("version", record.version());
        state.emit(eventName, event);
        return CanonicalJson.write(event);
    }
}
