package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.SearchCriterion;
import org.medmesh.fhirstore.SortSpec;
import org.medmesh.fhirstore.StoreException;
import org.medmesh.fhirstore.StoreTransaction;
import org.medmesh.fhirstore.StoredResource;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.fhir.SearchParameters;

/** The providers' access to the store: transactions with errors mapped, searches, conditional URLs. */
public final class StoreFhirRecords implements ResourceTypeProvider.FhirRecords {
    private final JdbcResourceStore store;
    private final StoredResources resources;
    private final SensitivityLabeler labeler;

    public StoreFhirRecords(JdbcResourceStore store, FhirContext context, SensitivityLabeler labeler) {
        this.store = store;
        this.resources = new StoredResources(context);
        this.labeler = labeler;
    }

    @Override
    public <T> T call(Function<StoreTransaction, T> work) {
        try {
            return store.inTransaction(work);
        } catch (StoreException e) {
            throw StoreErrors.map(e);
        }
    }

    @Override
    public IBaseResource parse(StoredResource stored) {
        return resources.parse(stored);
    }

    @Override
    public SensitivityLabeler labeler() {
        return labeler;
    }

    @Override
    public List<String> matching(StoreTransaction tx, String conditionalUrl) {
        int query = conditionalUrl.indexOf('?');
        if (query < 1) {
            throw new InvalidRequestException("a conditional URL is Type?criteria");
        }
        String type = conditionalUrl.substring(0, query);
        Map<String, List<String>> params = new LinkedHashMap<>();
        ca.uhn.fhir.util.UrlUtil.parseQueryString(conditionalUrl.substring(query + 1))
                .forEach((name, values) -> params.put(name, Arrays.asList(values)));
        if (params.isEmpty()) {
            throw new InvalidRequestException("a conditional URL needs criteria");
        }
        return tx.resolveConditional(type, criteria(type, params));
    }

    @Override
    public IBundleProvider search(String type, RequestDetails request) {
        // Response-shaping parameters (_count, _sort…) are skipped by SearchParameters and read below.
        Map<String, List<String>> params = new LinkedHashMap<>();
        request.getParameters().forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return new StoreSearchResults(store, resources, type, criteria(type, params), sort(request),
                count(request));
    }

    IBundleProvider compartment(String patientId) {
        return new PatientEverything(new PatientRecords(store, resources.context()), resources, patientId);
    }

    private List<SearchCriterion> criteria(String type, Map<String, List<String>> params) {
        return SearchParameters.parse(type, params, store.searchParameters(type));
    }

    private static SortSpec sort(RequestDetails request) {
        String[] sort = request.getParameters().get("_sort");
        if (sort == null || sort.length == 0 || sort[0].isBlank()) {
            return null;
        }
        String first = sort[0].split(",")[0].trim();
        boolean descending = first.startsWith("-");
        try {
            return new SortSpec(descending ? first.substring(1) : first, descending);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("cannot sort by " + first);
        }
    }

    private static Integer count(RequestDetails request) {
        String[] count = request.getParameters().get("_count");
        if (count == null || count.length == 0) {
            return null;
        }
        try {
            int value = Integer.parseInt(count[0]);
            if (value < 0) {
                throw new InvalidRequestException("_count must not be negative");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("_count must be a number");
        }
    }
}
