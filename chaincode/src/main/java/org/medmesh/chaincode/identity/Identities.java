package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.refuse;

import java.util.Optional;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.state.LedgerState;

/** Reads DID records; shared by the identity, consent and access-log contracts. */
public final class Identities {

    private final LedgerState state;

    public Identities(LedgerState state) {
        this.state = state;
    }

    public Optional<DidRecord> find(Did did) {
        return state.read(DidRecord.key(did)).map(DidRecord::fromJson);
    }

    /** The DID's record, or UNKNOWN_DID. */
    public DidRecord require(Did did) {
        return find(did).orElseThrow(() -> refuse(ErrorCode.UNKNOWN_DID, "DID is not registered"));
    }

    /** The DID's record if it is still active, else UNKNOWN_DID or DEACTIVATED. */
    public DidRecord requireActive(Did did) {
        DidRecord record = require(did);
        if (record.deactivated()) {
            throw refuse(ErrorCode.DEACTIVATED, "DID is deactivated");
        }
        return record;
    }

    /**
     * The registered organisation the caller's MSP must be bound to, else UNKNOWN_DID or WRONG_ORGANIZATION.
     * Organisation transactions are authorised by Fabric identity, not by a signature in the payload.
     */
    public DidRecord requireCallerOrganization(Did organization) {
        DidRecord record = require(organization);
        requireCallerMsp(record.mspId());
        return record;
    }

    public void requireCallerMsp(String mspId) {
        if (!mspId.equals(state.callerMspId())) {
            throw refuse(ErrorCode.WRONG_ORGANIZATION, "caller's MSP does not own this organisation DID");
        }
    }

    public void write(DidRecord record) {
        state.write(record.key(), record.toJson());
    }
}
