package org.medmesh.node.adapter.in.fhir.auth;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.medmesh.node.config.NodeProperties;

/** Token verification as configured: a JWKS URL when set, otherwise the node's own HMAC key. */
@Factory
class AuthBeans {
    @Singleton
    TokenVerifier tokenVerifier(NodeProperties properties) {
        return properties.jwksUrl() != null && !properties.jwksUrl().isBlank()
                ? TokenVerifier.forJwks(properties.jwksUrl())
                : TokenVerifier.forNodeKey(NodeTokens.loadOrCreate(properties.dataPath()));
    }

    @Singleton
    BearerTokenInterceptor bearerTokenInterceptor(TokenVerifier verifier) {
        return new BearerTokenInterceptor(verifier);
    }
}
