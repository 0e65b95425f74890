package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medmesh.fhirstore.SearchCriterion;
import org.medmesh.fhirstore.StoreTransaction;

/**
 * Finds the resources a condition ({@code Type?identifier=…}) matches, for conditional creates, updates, deletes and
 * references. Refusals name the type and parameters, never the values.
 */
final class ConditionalMatches {
    private final Function<String, Map<String, RestSearchParameterTypeEnum>> supported;

    ConditionalMatches(Function<String, Map<String, RestSearchParameterTypeEnum>> supported) {
        this.supported = supported;
    }

    /** The ids of the current resources matching every condition. */
    List<String> ids(StoreTransaction transaction, RequestUrl condition) {
        List<SearchCriterion> criteria = criteria(condition);
        if (criteria.isEmpty()) {
            throw new InvalidRequestException("the condition " + describe(condition) + " has no criteria");
        }
        return transaction.resolveConditional(condition.type(), criteria);
    }

    /** The store criteria of a query's parameters. */
    List<SearchCriterion> criteria(RequestUrl url) {
        return SearchParameters.parse(url.type(), url.params(), supported.apply(url.type()));
    }

    /** At most one id; more than one is 412, as FHIR asks for conditional operations. */
    String atMostOne(StoreTransaction transaction, RequestUrl condition, String purpose) {
        List<String> ids = ids(transaction, condition);
        if (ids.size() > 1) {
            throw new PreconditionFailedException(purpose + " " + describe(condition) + " matches " + ids.size()
                    + " resources");
        }
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** {@code Practitioner?identifier}: the type and parameter names only, since values may identify a patient. */
    static String describe(RequestUrl condition) {
        return condition.type() + "?" + String.join("&", condition.params().keySet());
    }
}
