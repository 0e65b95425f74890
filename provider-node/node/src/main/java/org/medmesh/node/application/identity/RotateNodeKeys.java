package org.medmesh.node.application.identity;

import java.net.URI;
import java.util.Objects;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces the node's keys, on disk and on the ledger, so that a crash at any point is recoverable: the new keys
 * are sealed as pending next to the current ones, the organisation's DID document is updated (bound to its
 * current version), and only then are the pending keys promoted. If the node stops after the ledger commit, the
 * next start finds the pending keys on the ledger and promotes them ({@link RegisterNodeIdentity}).
 */
public final class RotateNodeKeys {
    private static final Logger LOG = LoggerFactory.getLogger(RotateNodeKeys.class);

    private final LedgerClient ledger;
    private final NodeKeyStore keys;

    /**
     * The organisation's DID after the rotation.
     *
     * @param did the organisation's DID
     * @param version the DID document's new version
     * @param keys the new public keys
     */
    public record Rotation(Did did, long version, NodePublicKeys keys) {
        public Rotation {
            Objects.requireNonNull(did, "did");
            Objects.requireNonNull(keys, "keys");
        }
    }

    public RotateNodeKeys(LedgerClient ledger, NodeKeyStore keys) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * Rotates both keys; the service endpoint stays as registered.
     *
     * @throws IdentityException NOT_REGISTERED, or KEYS_CONFLICT if the ledger holds keys the node does not
     * @throws LedgerClientException when the ledger refuses (nothing changed) or fails (if UNAVAILABLE, the new
     *     keys stay pending until the next start or rotation finds out whether the update committed)
     */
    public Rotation rotate() {
        Did did = keys.organization();
        synchronized (keys) {
            DidDocument document = ledger.resolve(did).orElseThrow(() -> new IdentityException(
                    IdentityException.Code.NOT_REGISTERED, did + " is not registered on the ledger yet"));
            if (KeyReconciliation.reconcile(keys, document) == KeyReconciliation.State.FOREIGN) {
                throw KeyReconciliation.conflict(document);
            }
            URI endpoint = URI.create(document.serviceEndpoint().orElseThrow(() -> new IdentityException(
                    IdentityException.Code.NOT_REGISTERED, did + " has no service endpoint on the ledger")));
            NodePublicKeys next = keys.stagePending();
            try {
                ledger.updateOrganization(next.registration(did.mspId(), endpoint), document.version());
            } catch (LedgerClientException e) {
                if (e.code() != LedgerErrorCode.UNAVAILABLE) {
                    keys.discardPending();
                }
                throw e;
            }
            keys.promotePending();
            LOG.info("rotated the keys of {} (version {})", did, document.version() + 1);
            return new Rotation(did, document.version() + 1, next);
        }
    }
}
