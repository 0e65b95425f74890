package org.medmesh.node.application.identity;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the node's organisation DID on the ledger as the node starts, and keeps it current: registers it if the
 * ledger has none; finishes a rotation the node began (promotes pending keys the ledger already holds); updates
 * the service endpoint if it changed. Keys on the ledger that the node does not hold are refused — someone else's
 * node, or a lost key file — unless the operator asked to replace them. Idempotent: a restart with nothing
 * changed writes nothing.
 */
public final class RegisterNodeIdentity {
    private static final Logger LOG = LoggerFactory.getLogger(RegisterNodeIdentity.class);

    private final LedgerClient ledger;
    private final NodeKeyStore keys;
    private final boolean replaceForeignKeys;

    /** What registration did. */
    public enum Outcome { REGISTERED, UNCHANGED, ENDPOINT_UPDATED, ROTATION_COMPLETED, KEYS_REPLACED }

    /**
     * The organisation's DID as the ledger now holds it.
     *
     * @param did the organisation's DID
     * @param version the DID document's version on the ledger
     * @param outcome what registration did
     */
    public record Registration(Did did, long version, Outcome outcome) {
        public Registration {
            Objects.requireNonNull(did, "did");
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /**
     * @param replaceForeignKeys replace keys on the ledger that the node does not hold (an operator's explicit
     *     decision after losing a key file) instead of refusing
     */
    public RegisterNodeIdentity(LedgerClient ledger, NodeKeyStore keys, boolean replaceForeignKeys) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.replaceForeignKeys = replaceForeignKeys;
    }

    /**
     * Registers or reconciles the organisation's DID with {@code serviceEndpoint}.
     *
     * @throws IdentityException KEYS_CONFLICT when the ledger holds keys the node does not
     * @throws org.medmesh.node.application.port.LedgerClientException when the ledger refuses or fails
     */
    public Registration register(URI serviceEndpoint) {
        Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
        Did did = keys.organization();
        synchronized (keys) {
            Optional<DidDocument> onLedger = ledger.resolve(did);
            if (onLedger.isEmpty()) {
                keys.discardPending();
                ledger.registerOrganization(keys.publicKeys().registration(did.mspId(), serviceEndpoint));
                LOG.info("registered {} with endpoint {}", did, serviceEndpoint);
                return new Registration(did, 1, Outcome.REGISTERED);
            }
            return reconcile(onLedger.get(), serviceEndpoint);
        }
    }

    private Registration reconcile(DidDocument document, URI serviceEndpoint) {
        KeyReconciliation.State state = KeyReconciliation.reconcile(keys, document);
        if (state == KeyReconciliation.State.FOREIGN && !replaceForeignKeys) {
            throw KeyReconciliation.conflict(document);
        }
        if (state == KeyReconciliation.State.FOREIGN) {
            keys.discardPending();
            LOG.warn("replacing the keys on the ledger for {} with this node's keys, as configured", document.did());
            return update(document, keys.publicKeys(), serviceEndpoint, Outcome.KEYS_REPLACED);
        }
        Outcome outcome = state == KeyReconciliation.State.PROMOTED ? Outcome.ROTATION_COMPLETED : Outcome.UNCHANGED;
        if (state == KeyReconciliation.State.PROMOTED) {
            LOG.info("completed the key rotation of {} that the ledger had already committed", document.did());
        }
        if (!document.serviceEndpoint().equals(Optional.of(serviceEndpoint.toString()))) {
            return update(document, keys.publicKeys(), serviceEndpoint,
                    outcome == Outcome.UNCHANGED ? Outcome.ENDPOINT_UPDATED : outcome);
        }
        return new Registration(document.did(), document.version(), outcome);
    }

    private Registration update(DidDocument document, NodePublicKeys publicKeys, URI serviceEndpoint,
            Outcome outcome) {
        ledger.updateOrganization(publicKeys.registration(document.did().mspId(), serviceEndpoint),
                document.version());
        LOG.info("updated {} to version {} (endpoint {})", document.did(), document.version() + 1, serviceEndpoint);
        return new Registration(document.did(), document.version() + 1, outcome);
    }
}
