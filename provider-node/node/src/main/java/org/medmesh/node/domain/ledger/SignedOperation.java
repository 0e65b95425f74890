package org.medmesh.node.domain.ledger;

import java.util.Objects;

/**
 * An operation the patient signed in the wallet (compact JWS). The node relays it unchanged: the chaincode checks
 * the signature against the patient's DID document, so a relaying node can neither forge nor alter it.
 */
public record SignedOperation(String compactJws) {
    public SignedOperation {
        Objects.requireNonNull(compactJws, "compactJws");
        if (!compactJws.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("not a compact JWS");
        }
    }

    @Override
    public String toString() {
        return "SignedOperation[" + compactJws.length() + " chars]";
    }
}
