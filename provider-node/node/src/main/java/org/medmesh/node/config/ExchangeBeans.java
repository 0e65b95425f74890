package org.medmesh.node.config;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.medmesh.node.adapter.out.jose.JwsExchangeRequests;
import org.medmesh.node.application.exchange.VerifyExchangeRequest;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.SeenNonces;

/** The record exchange, holder side: request verification on the DID resolver and the nonces in the node's state store. */
@Factory
class ExchangeBeans {
    @Singleton
    VerifyExchangeRequest verifyExchangeRequest(DidResolver dids, NodeKeys keys, SeenNonces nonces) {
        return new VerifyExchangeRequest(new JwsExchangeRequests(), dids, keys, nonces, Clock.systemUTC());
    }
}
