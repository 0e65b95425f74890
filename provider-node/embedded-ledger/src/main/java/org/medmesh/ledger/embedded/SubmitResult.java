package org.medmesh.ledger.embedded;

import java.util.Objects;

/**
 * The outcome of a submit: the transaction id, the block it was ordered into ({@code -1} when it was refused
 * at endorsement), its validation code, and the chaincode's response from simulation.
 */
public record SubmitResult(String txId, long blockNumber, TxValidationCode code, ChaincodeResponse response) {
    public SubmitResult {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(response, "response");
    }

    public boolean isValid() {
        return code == TxValidationCode.VALID;
    }
}
