package org.medmesh.node.adapter.in.fhir.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer tokens: signature (the node's HMAC key, or the keys at a configured JWKS URL), expiry, and the
 * claims MedMesh needs (subject, role, scope). Returns the caller, or nothing for any invalid token; the reason is
 * never echoed to the client (it could help an attacker) and the token is never logged.
 */
public final class TokenVerifier {
    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    private TokenVerifier(JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null,
                Set.of("sub", "exp", "role", "scope")));
    }

    public static TokenVerifier forNodeKey(NodeTokens tokens) {
        return new TokenVerifier(new ImmutableSecret<>(tokens.key()), Set.of(JWSAlgorithm.HS256));
    }

    public static TokenVerifier forJwks(String jwksUrl) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(URI.create(jwksUrl).toURL()).build();
            return new TokenVerifier(keys, Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256, JWSAlgorithm.EdDSA));
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("medmesh.node.jwks-url is not a URL", e);
        }
    }

    public Optional<Caller> verify(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            List<Caller.Scope> scopes = new ArrayList<>();
            for (String scope : claims.getStringClaim("scope").trim().split("\\s+")) {
                scopes.add(Caller.Scope.parse(scope));
            }
            return Optional.of(new Caller(claims.getSubject(), Role.parse(claims.getStringClaim("role")), scopes));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
