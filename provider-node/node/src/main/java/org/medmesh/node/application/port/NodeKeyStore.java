package org.medmesh.node.application.port;

import java.util.Optional;
import org.medmesh.node.domain.identity.NodePublicKeys;

/**
 * Where the node keeps its keys, with the two-step rotation that survives a crash: new keys are first kept as
 * <em>pending</em> next to the current ones, the ledger is updated, then the pending keys are promoted. A node
 * that stops in between finds both at its next start and promotes the pending keys if the ledger holds them.
 * Failures are {@link NodeKeysException}s.
 */
public interface NodeKeyStore extends NodeKeys {

    /** The pending keys of a rotation that has not been promoted, if any. */
    Optional<NodePublicKeys> pending();

    /** Generates new keys and stores them as pending, replacing earlier pending keys; the current keys stay. */
    NodePublicKeys stagePending();

    /** Makes the pending keys current, on disk and in memory; the previous keys are gone. */
    void promotePending();

    /** Forgets the pending keys; nothing happens if there are none. */
    void discardPending();
}
