package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.medmesh.fhirstore.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what went wrong with one Bundle entry into the HAPI exception for its HTTP status, carrying an
 * OperationOutcome whose issue names the entry ({@code Bundle.entry[3]}). Messages come from this package and the
 * store, which name types, ids and parameters but never resource content.
 */
final class EntryFailures {
    private static final Logger LOG = LoggerFactory.getLogger(EntryFailures.class);

    private EntryFailures() {}

    /** The failure of entry {@code index} (0-based, as in FHIRPath), as a HAPI exception with an OperationOutcome. */
    static BaseServerResponseException of(int index, RuntimeException failure) {
        BaseServerResponseException cause = asHapi(failure);
        String message = "Bundle.entry[" + index + "]: " + cause.getMessage();
        BaseServerResponseException named = BaseServerResponseException.newInstance(cause.getStatusCode(), message);
        named.setOperationOutcome(outcome(index, cause.getStatusCode(), message));
        return named;
    }

    static OperationOutcome outcome(int index, int status, String message) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(IssueSeverity.ERROR)
                .setCode(issueType(status))
                .setDiagnostics(message)
                .setExpression(java.util.List.of(new StringType("Bundle.entry[" + index + "]")));
        return outcome;
    }

    /** A store failure as the HAPI exception for its status; HAPI exceptions pass unchanged. */
    static BaseServerResponseException asHapi(RuntimeException failure) {
        if (failure instanceof BaseServerResponseException hapi) {
            return hapi;
        }
        if (failure instanceof StoreException store) {
            return switch (store.code()) {
                case NOT_FOUND -> new ResourceNotFoundException(store.getMessage());
                case GONE -> new ResourceGoneException(store.getMessage());
                case VERSION_CONFLICT -> new ResourceVersionConflictException(store.getMessage());
                case INVALID -> new InvalidRequestException(store.getMessage());
                case STORAGE -> storage(store);
            };
        }
        LOG.error("unexpected failure processing a Bundle entry ({})", failure.getClass().getName());
        return new InternalErrorException("the entry could not be processed");
    }

    /** A failed If-Match: the store reports a version conflict, FHIR wants 412. */
    static RuntimeException preconditionFailed(RuntimeException failure) {
        if (failure instanceof StoreException store && store.code() == StoreException.Code.VERSION_CONFLICT) {
            return new PreconditionFailedException(store.getMessage());
        }
        return failure;
    }

    private static BaseServerResponseException storage(StoreException store) {
        // The driver's message may quote row values, so only its SQL state is logged.
        LOG.error("the FHIR store failed while processing a Bundle entry (SQL state {})",
                store.getCause() instanceof java.sql.SQLException sql ? sql.getSQLState() : "none");
        return new InternalErrorException("the store failed");
    }

    private static IssueType issueType(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 404, 410 -> IssueType.NOTFOUND;
            case 409, 412 -> IssueType.CONFLICT;
            case 422 -> IssueType.PROCESSING;
            default -> IssueType.EXCEPTION;
        };
    }
}
