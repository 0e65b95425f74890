package org.medmesh.chaincode.identity;

import static org.medmesh.chaincode.error.Refusals.refuse;
import static org.medmesh.chaincode.error.Refusals.require;

import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.QueryResultsIterator;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.state.LedgerState;

/** The read side of the DID method: current and historical resolution. */
final class DidResolver {

    private final LedgerState state;

    DidResolver(LedgerState state) {
        this.state = state;
    }

    String resolve(String did) {
        DidRecord record = new Identities(state).find(Did.parse(did))
                .orElseThrow(() -> refuse(ErrorCode.NOT_FOUND, "DID is not registered"));
        return CanonicalJson.write(DidDocuments.resolution(record));
    }

    /** Every version is a committed write of the same key, so the key history holds them all. */
    String resolveVersion(String did, String version) {
        Did parsed = Did.parse(did);
        require(version != null && version.matches("[1-9][0-9]{0,17}"), "version must be a positive integer");
        long wanted = Long.parseLong(version);
        try (QueryResultsIterator<KeyModification> history = state.stub().getHistoryForKey(DidRecord.key(parsed))) {
            for (KeyModification modification : history) {
                if (modification.isDeleted()) {
                    continue;
                }
                DidRecord record = DidRecord.fromJson(LedgerState.parseStored(modification.getValue()));
                if (record.version() == wanted) {
                    return CanonicalJson.write(DidDocuments.resolution(record));
                }
            }
        }
        throw refuse(ErrorCode.NOT_FOUND, "no such DID version");
    }
}
