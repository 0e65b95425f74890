package org.medmesh.node.adapter.in.fhir.auth;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.EnumSet;
import java.util.Set;

/**
 * Nothing at {@code /fhir} is anonymous except the CapabilityStatement: every other request needs a valid bearer
 * token whose role and scopes allow the interaction on that resource type. 401 without a valid token, 403 when
 * the token does not allow it; both as OperationOutcome.
 */
@Interceptor
public final class BearerTokenInterceptor {
    private static final Set<RestOperationTypeEnum> WRITES = EnumSet.of(RestOperationTypeEnum.CREATE,
            RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.DELETE, RestOperationTypeEnum.PATCH,
            RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.BATCH);
    private static final Set<String> AUDIT_TYPES = Set.of("AuditEvent", "Provenance");

    private final TokenVerifier verifier;

    public BearerTokenInterceptor(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void authorize(RequestDetails request, RestOperationTypeEnum operation) {
        if (operation == RestOperationTypeEnum.METADATA) {
            return;
        }
        Caller caller = authenticate(request.getHeader("Authorization"));
        request.getUserData().put(Caller.REQUEST_KEY, caller);
        String type = request.getResourceName() == null ? "*" : request.getResourceName();
        boolean write = WRITES.contains(operation);
        if (!roleAllows(caller.role(), operation, type, write) || !caller.may(type, write)) {
            throw new ForbiddenOperationException("this token does not allow " + operation.getCode() + " on "
                    + type);
        }
    }

    private Caller authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw unauthenticated();
        }
        return verifier.verify(header.substring(7).trim()).orElseThrow(BearerTokenInterceptor::unauthenticated);
    }

    private static boolean roleAllows(Role role, RestOperationTypeEnum operation, String type, boolean write) {
        return switch (role) {
            case ADMIN -> true;
            case CLINICIAN -> operation != RestOperationTypeEnum.DELETE;
            case AUDITOR -> !write && AUDIT_TYPES.contains(type);
        };
    }

    private static AuthenticationException unauthenticated() {
        AuthenticationException e = new AuthenticationException("a valid bearer token is required");
        e.addResponseHeader("WWW-Authenticate", "Bearer realm=\"medmesh\"");
        return e;
    }
}
