package org.medmesh.node.adapter.out.ledger.embedded;

import java.util.function.Consumer;
import org.medmesh.ledger.embedded.ChaincodeResponse;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.EventSubscription;
import org.medmesh.ledger.embedded.LedgerException;
import org.medmesh.ledger.embedded.OrgIdentity;
import org.medmesh.ledger.embedded.SubmitResult;
import org.medmesh.node.adapter.out.ledger.ChaincodeLedgerClient;
import org.medmesh.node.adapter.out.ledger.ChaincodeRefusal;
import org.medmesh.node.adapter.out.ledger.CheckpointFilter;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;

/**
 * The ledger port on an {@link EmbeddedLedger}, acting as one organisation's identity. Several clients (one per
 * organisation) may share one ledger; closing a client does not close the ledger.
 */
public final class EmbeddedLedgerClient extends ChaincodeLedgerClient {
    private final EmbeddedLedger ledger;
    private final OrgIdentity identity;
    private final boolean ownsLedger;

    /** A client on a ledger shared with other organisations' clients; closing it leaves the ledger open. */
    public EmbeddedLedgerClient(EmbeddedLedger ledger, OrgIdentity identity) {
        this(ledger, identity, false);
    }

    private EmbeddedLedgerClient(EmbeddedLedger ledger, OrgIdentity identity, boolean ownsLedger) {
        super(Did.forOrganization(identity.mspId()));
        this.ledger = ledger;
        this.identity = identity;
        this.ownsLedger = ownsLedger;
    }

    /** A node's only client of a ledger it opened: closing the client closes the ledger. */
    public static EmbeddedLedgerClient owning(EmbeddedLedger ledger, OrgIdentity identity) {
        return new EmbeddedLedgerClient(ledger, identity, true);
    }

    @Override
    protected Committed submit(String function, String... args) {
        SubmitResult result = guarded(() -> ledger.submit(identity, function, args));
        switch (result.code()) {
            case VALID:
                return new Committed(result.txId(), result.blockNumber(), result.response().payload());
            case ENDORSEMENT_FAILURE:
                throw refusal(result.response());
            case MVCC_READ_CONFLICT:
            case PHANTOM_READ_CONFLICT:
                throw new LedgerClientException(LedgerErrorCode.CONFLICT,
                        "a concurrent transaction changed what this one read; retry", null);
            case BAD_PROPOSAL:
                throw new LedgerClientException(LedgerErrorCode.IDENTITY_REJECTED,
                        "the ledger does not accept this node's identity", null);
            default:
                throw new LedgerClientException(LedgerErrorCode.UNKNOWN,
                        "transaction invalidated: " + result.code(), null);
        }
    }

    @Override
    protected String evaluate(String function, String... args) {
        ChaincodeResponse response = guarded(() -> ledger.evaluate(identity, function, args));
        if (!response.isSuccess()) {
            throw refusal(response);
        }
        return response.payload();
    }

    @Override
    public long height() {
        return guarded(ledger::height);
    }

    @Override
    public Subscription subscribe(EventCheckpoint from, Consumer<LedgerEvent> handler) {
        CheckpointFilter filter = new CheckpointFilter(from, handler);
        EventSubscription subscription = ledger.subscribe(from.blockNumber(), event -> filter.accept(
                new LedgerEvent(event.blockNumber(), event.txId(), event.name(), event.payload())));
        return subscription::close;
    }

    @Override
    public void close() {
        if (ownsLedger) {
            ledger.close();
        }
    }

    private static LedgerClientException refusal(ChaincodeResponse response) {
        if (response.status() == 403) {
            return new LedgerClientException(LedgerErrorCode.IDENTITY_REJECTED, response.message(), null);
        }
        return new LedgerClientException(LedgerErrorCode.fromChaincode(response.payload()),
                ChaincodeRefusal.withoutCode(response.message()), null);
    }

    private static <T> T guarded(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (LedgerException e) {
            throw new LedgerClientException(LedgerErrorCode.UNAVAILABLE,
                    "the ledger is unavailable (" + e.code() + ")", e);
        }
    }
}
