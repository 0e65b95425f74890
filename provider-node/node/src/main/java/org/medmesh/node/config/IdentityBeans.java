package org.medmesh.node.config;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Supplier;
import org.medmesh.node.adapter.out.keys.SealedNodeKeys;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.identity.RegisterNodeIdentity;
import org.medmesh.node.application.identity.RotateNodeKeys;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.NodeKeysException;
import org.medmesh.consent.ledger.Did;
import org.medmesh.patient.seal.PassphraseSeal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's organisation identity: its sealed keys ({@code medmesh.node.key-passphrase}), the use cases that
 * register and rotate them, and the DID resolver.
 */
@Factory
class IdentityBeans {
    private static final Logger LOG = LoggerFactory.getLogger(IdentityBeans.class);
    static final String PASSPHRASE = "medmesh.node.key-passphrase";

    /**
     * Opened as the context starts, before the ledger: a wrong passphrase or a damaged key file stops the node
     * before it opens anything else or serves.
     */
    @Context
    @Bean(typed = {NodeKeys.class, NodeKeyStore.class, SealedNodeKeys.class})
    SealedNodeKeys nodeKeys(NodeProperties node, Environment environment, BeanProvider<LedgerClient> ledger) {
        Supplier<Did> organization = () -> ledger.get().organization();
        try {
            return SealedNodeKeys.open(node.dataPath(), organization, environment.getProperty(PASSPHRASE,
                    String.class), new PassphraseSeal(), new SecureRandom());
        } catch (NodeKeysException e) {
            // Micronaut reports only that the bean failed; the operator needs the reason.
            LOG.error("the node cannot open its keys, stopping: {}", e.getMessage());
            throw e;
        }
    }

    @Singleton
    RegisterNodeIdentity registerNodeIdentity(LedgerClient ledger, NodeKeyStore keys, NodeProperties node) {
        return new RegisterNodeIdentity(ledger, keys, node.replacesLedgerKeys());
    }

    @Singleton
    RotateNodeKeys rotateNodeKeys(LedgerClient ledger, NodeKeyStore keys) {
        return new RotateNodeKeys(ledger, keys);
    }

    @Singleton
    @Bean(preDestroy = "close")
    DidResolver didResolver(LedgerClient ledger) {
        return DidResolver.open(ledger, DidResolver.DEFAULT_CAPACITY, DidResolver.DEFAULT_MAX_AGE,
                Clock.systemUTC());
    }
}
