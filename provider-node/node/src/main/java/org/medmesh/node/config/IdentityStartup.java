package org.medmesh.node.config;

import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.medmesh.node.application.identity.RegisterNodeIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers (or reconciles) the node's organisation DID once the server listens, so that the endpoint is known.
 * Synchronous, on the starting thread: when start-up returns, other nodes can resolve this one; and if the ledger
 * holds keys this node does not, start-up fails with the reason instead of a node that cannot be trusted.
 */
@Singleton
class IdentityStartup {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityStartup.class);

    private final RegisterNodeIdentity register;
    private final NodeEndpoint endpoint;

    IdentityStartup(RegisterNodeIdentity register, NodeEndpoint endpoint) {
        this.register = register;
        this.endpoint = endpoint;
    }

    @EventListener
    void onStartup(ServerStartupEvent event) {
        try {
            RegisterNodeIdentity.Registration registration = register.register(endpoint.uri());
            LOG.info("node identity {} version {}: {}", registration.did(), registration.version(),
                    registration.outcome());
        } catch (RuntimeException e) {
            LOG.error("the node cannot take its identity on the ledger, stopping: {}", e.getMessage());
            event.getSource().stop();
            throw e;
        }
    }
}
