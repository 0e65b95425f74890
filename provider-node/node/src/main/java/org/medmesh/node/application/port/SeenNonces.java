package org.medmesh.node.application.port;

import java.time.Instant;

/**
 * The exchange-request nonces this node has accepted, per requester, kept until the request could no longer be
 * accepted anyway, so that a replay is refused also after a restart. {@link #remember} is atomic: of any number of
 * concurrent calls with one requester and nonce, exactly one returns {@code true}. Failures of the store are
 * {@link IllegalStateException}s: a node that cannot record a nonce must not act on the request.
 */
public interface SeenNonces {

    /**
     * Records the nonce until {@code expiresAt}.
     *
     * @return {@code true} if this requester's nonce was new, {@code false} if it is already remembered
     */
    boolean remember(String requester, String nonce, Instant expiresAt);

    /** Forgets the nonces whose {@code expiresAt} is at or before {@code now}; returns how many. */
    int forgetExpired(Instant now);
}
