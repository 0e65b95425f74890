package org.medmesh.node.application.exchange;

import java.util.Objects;
import org.medmesh.consent.decision.DenyReason;

/** The holder refused a verified request; the deny is on the ledger. Carries the coarse reason only. */
public final class AccessDeniedException extends RuntimeException {
    private final DenyReason reason;
    private final String txId;

    public AccessDeniedException(DenyReason reason, String txId) {
        super("access denied: " + reason.name());
        this.reason = Objects.requireNonNull(reason, "reason");
        this.txId = txId;
    }

    public DenyReason reason() {
        return reason;
    }

    /** The ledger transaction that recorded the deny. */
    public String txId() {
        return txId;
    }
}
