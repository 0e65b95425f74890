package org.medmesh.node.adapter.in.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.medmesh.node.application.consent.ConsentRefusedException;
import org.medmesh.node.application.enrolment.EnrolmentException;
import org.medmesh.node.application.exchange.AccessDeniedException;
import org.medmesh.node.application.exchange.FetchException;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.LedgerClientException;

/**
 * The use cases' and the ledger port's exception families as problem+json, through {@link ApiErrors}: one
 * mapping per family, so every controller answers the same way.
 */
final class ApplicationErrors {
    private ApplicationErrors() {}

    /** The ledger's refusals keep their code; an unreachable ledger is 503 (retry later, nothing changed). */
    static ApiException of(LedgerClientException e) {
        return switch (e.code()) {
            case UNAVAILABLE, CONFLICT -> new ApiException(ApiError.LEDGER_UNAVAILABLE, e.code().name(),
                    "the ledger did not commit the operation; nothing changed, it may be retried");
            case NOT_FOUND, UNKNOWN_DID -> new ApiException(ApiError.NOT_FOUND, e.code().name(),
                    "not found on the ledger");
            default -> new ApiException(ApiError.LEDGER_REFUSED, e.code().name(), e.getMessage());
        };
    }

    static ApiException of(ConsentRefusedException e) {
        return switch (e.reason()) {
            case MALFORMED -> new ApiException(ApiError.BAD_REQUEST, e.reason().name(), e.getMessage());
            case UNKNOWN_CONSENT -> new ApiException(ApiError.NOT_FOUND, e.reason().name(), e.getMessage());
            case NOT_EXPRESSIBLE, DOCUMENT_MISMATCH -> new ApiException(ApiError.NOT_VERIFIED, e.reason().name(),
                    e.getMessage());
        };
    }

    static ApiException of(EnrolmentException e) {
        return switch (e.reason()) {
            case UNKNOWN_PATIENT, UNKNOWN_DID -> new ApiException(ApiError.NOT_FOUND, e.reason().name(),
                    e.getMessage());
            case CODE_NOT_OPEN, NOT_VERIFIED -> new ApiException(ApiError.NOT_VERIFIED, e.reason().name(),
                    e.getMessage());
        };
    }

    /** A refused exchange request: what was wrong with it, never what it asked for. */
    static ApiException of(ExchangeRefusedException e) {
        return switch (e.reason()) {
            case REPLAYED -> new ApiException(ApiError.CONFLICT, e.reason().name(), e.getMessage());
            case BAD_SIGNATURE, UNKNOWN_REQUESTER, WRONG_AUDIENCE, EXPIRED, NOT_YET_VALID, LIFETIME_TOO_LONG ->
                    new ApiException(ApiError.NOT_VERIFIED, e.reason().name(), e.getMessage());
            default -> new ApiException(ApiError.BAD_REQUEST, e.reason().name(), e.getMessage());
        };
    }

    /** A deny on the ledger: the coarse reason and the transaction that recorded it. */
    static ApiException of(AccessDeniedException e) {
        return new ApiException(ApiError.DENIED, e.reason().name(),
                "the patient's consent does not allow this request; the refusal is on the ledger (transaction "
                        + e.txId() + ")");
    }

    static ApiException of(FetchException e) {
        return switch (e.reason()) {
            case MALFORMED -> new ApiException(ApiError.BAD_REQUEST, e.reason().name(), e.getMessage());
            case UNKNOWN_PATIENT, UNKNOWN_FETCH -> new ApiException(ApiError.NOT_FOUND, e.reason().name(),
                    e.getMessage());
            case NOT_LINKED -> new ApiException(ApiError.CONFLICT, e.reason().name(), e.getMessage());
        };
    }

    @Produces
    @Singleton
    @Requires(classes = {FetchException.class, ExceptionHandler.class})
    static final class Fetch implements ExceptionHandler<FetchException, HttpResponse<String>> {
        private final ApiErrors errors;

        Fetch(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, FetchException exception) {
            return errors.handle(request, of(exception));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ExchangeRefusedException.class, ExceptionHandler.class})
    static final class Exchange implements ExceptionHandler<ExchangeRefusedException, HttpResponse<String>> {
        private final ApiErrors errors;

        Exchange(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, ExchangeRefusedException exception) {
            return errors.handle(request, of(exception));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {AccessDeniedException.class, ExceptionHandler.class})
    static final class Denied implements ExceptionHandler<AccessDeniedException, HttpResponse<String>> {
        private final ApiErrors errors;

        Denied(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, AccessDeniedException exception) {
            return errors.handle(request, of(exception));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {LedgerClientException.class, ExceptionHandler.class})
    static final class Ledger implements ExceptionHandler<LedgerClientException, HttpResponse<String>> {
        private final ApiErrors errors;

        Ledger(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, LedgerClientException exception) {
            return errors.handle(request, of(exception));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {ConsentRefusedException.class, ExceptionHandler.class})
    static final class Consent implements ExceptionHandler<ConsentRefusedException, HttpResponse<String>> {
        private final ApiErrors errors;

        Consent(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, ConsentRefusedException exception) {
            return errors.handle(request, of(exception));
        }
    }

    @Produces
    @Singleton
    @Requires(classes = {EnrolmentException.class, ExceptionHandler.class})
    static final class Enrolment implements ExceptionHandler<EnrolmentException, HttpResponse<String>> {
        private final ApiErrors errors;

        Enrolment(ApiErrors errors) {
            this.errors = errors;
        }

        @Override
        public HttpResponse<String> handle(HttpRequest request, EnrolmentException exception) {
            return errors.handle(request, of(exception));
        }
    }
}
