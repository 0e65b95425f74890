package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * Validates the parsed body of every write (create, update, transaction, batch) with {@link ProfileValidation}
 * after the request is authenticated and before any handler runs: an invalid resource answers 422 and nothing
 * is stored.
 */
@Interceptor
final class ProfileValidatingInterceptor {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    void validate(RequestDetails request) {
        IBaseResource resource = request.getResource();
        if (resource instanceof Resource r) {
            ProfileValidation.requireValid(r);
        }
    }
}
