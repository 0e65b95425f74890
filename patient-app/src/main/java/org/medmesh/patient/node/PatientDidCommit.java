package org.medmesh.patient.node;

import java.util.Objects;
import org.medmesh.chaincode.identity.Did;

/**
 * A patient DID operation the ledger committed.
 *
 * @param did the patient's pairwise DID
 * @param version its ledger version after the operation
 * @param txId the ledger transaction
 */
public record PatientDidCommit(Did did, long version, String txId) {

    public PatientDidCommit {
        Objects.requireNonNull(did, "did");
        Objects.requireNonNull(txId, "txId");
        if (version < 1) {
            throw new IllegalArgumentException("a committed DID has a version from 1");
        }
    }
}
