package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.medmesh.fhirstore.StoreException;

/** Maps the store's exception family to HAPI's, which HAPI renders as an OperationOutcome with the right status. */
final class StoreErrors {
    private StoreErrors() {}

    static BaseServerResponseException map(StoreException e) {
        return switch (e.code()) {
            case NOT_FOUND -> new ResourceNotFoundException(e.getMessage());
            case GONE -> new ResourceGoneException(e.getMessage());
            case VERSION_CONFLICT -> new PreconditionFailedException(e.getMessage());
            case INVALID -> new InvalidRequestException(e.getMessage());
            default -> new InternalErrorException("the record store failed", e);
        };
    }
}
