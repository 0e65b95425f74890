package org.medmesh.node.adapter.in.http;

import jakarta.inject.Singleton;
import java.util.Set;
import org.medmesh.node.adapter.in.fhir.auth.Caller;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.in.fhir.auth.TokenVerifier;

/** The same bearer tokens as {@code /fhir}, for the JSON API's controllers. */
@Singleton
public final class BearerAuthorization {
    private final TokenVerifier tokens;

    BearerAuthorization(TokenVerifier tokens) {
        this.tokens = tokens;
    }

    /** The verified caller, if its role is one of {@code roles}; otherwise 401 or 403. */
    public Caller require(String authorizationHeader, Set<Role> roles) {
        if (authorizationHeader == null || !authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ApiError.UNAUTHENTICATED, "a valid bearer token is required");
        }
        Caller caller = tokens.verify(authorizationHeader.substring(7).trim()).orElseThrow(() ->
                new ApiException(ApiError.UNAUTHENTICATED, "a valid bearer token is required"));
        if (!roles.contains(caller.role())) {
            throw new ApiException(ApiError.FORBIDDEN, "this needs the role " + roles.stream().map(Role::claim)
                    .sorted().reduce((a, b) -> a + " or " + b).orElse("?"));
        }
        return caller;
    }
}
