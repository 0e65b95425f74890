package org.medmesh.node.application.identity;

import java.util.Optional;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.node.domain.ledger.DidDocument;

/**
 * Brings the key store in line with the organisation's DID document after an interrupted rotation: pending keys
 * that reached the ledger are promoted; pending keys that did not are discarded.
 */
final class KeyReconciliation {
    /** How the node's keys relate to the ledger's after reconciling. */
    enum State {
        /** The ledger holds the node's current keys. */
        CURRENT,
        /** The ledger held the pending keys of an interrupted rotation; they are now current. */
        PROMOTED,
        /** The ledger holds keys the node does not have. */
        FOREIGN
    }

    private KeyReconciliation() {}

    static State reconcile(NodeKeyStore keys, DidDocument onLedger) {
        Optional<NodePublicKeys> pending = keys.pending();
        if (pending.isPresent() && pending.get().matches(onLedger)) {
            keys.promotePending();
            return State.PROMOTED;
        }
        if (keys.publicKeys().matches(onLedger)) {
            if (pending.isPresent()) {
                keys.discardPending();
            }
            return State.CURRENT;
        }
        return State.FOREIGN;
    }

    static IdentityException conflict(DidDocument onLedger) {
        return new IdentityException(IdentityException.Code.KEYS_CONFLICT, "the ledger holds other keys for "
                + onLedger.did() + " (version " + onLedger.version() + ") than this node's key file. Either another"
                + " node already registered this organisation (check medmesh.ledger.msp-id), or this node's key"
                + " file was lost or replaced: restore the node's identity directory from a backup. If the keys on"
                + " the ledger are lost for good, start the node once with medmesh.node.replace-ledger-keys=true"
                + " (MEDMESH_NODE_REPLACE_LEDGER_KEYS=true) to put this node's keys on the ledger.");
    }
}
