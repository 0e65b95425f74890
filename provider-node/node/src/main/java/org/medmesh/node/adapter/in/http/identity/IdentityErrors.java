package org.medmesh.node.adapter.in.http.identity;

import org.medmesh.node.adapter.in.http.ApiError;
import org.medmesh.node.adapter.in.http.ApiException;
import org.medmesh.node.application.identity.IdentityException;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;

/** The identity use cases' refusals as problem details. */
final class IdentityErrors {
    private IdentityErrors() {}

    static ApiException of(IdentityException e) {
        ApiError error = switch (e.code()) {
            case MALFORMED_DID, UNSUPPORTED_METHOD -> ApiError.BAD_REQUEST;
            case KEYS_CONFLICT, NOT_REGISTERED -> ApiError.LEDGER_REFUSED;
        };
        return new ApiException(error, e.code().name(), e.getMessage());
    }

    static ApiException of(LedgerClientException e) {
        ApiError error = e.code() == LedgerErrorCode.UNAVAILABLE || e.code() == LedgerErrorCode.CONFLICT
                ? ApiError.LEDGER_UNAVAILABLE : ApiError.LEDGER_REFUSED;
        return new ApiException(error, e.code().name(), e.getMessage());
    }
}
