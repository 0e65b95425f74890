package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.SearchCriterion;
import org.medmesh.fhirstore.SearchQuery;
import org.medmesh.fhirstore.SearchResult;
import org.medmesh.fhirstore.SortSpec;

/**
 * A search's results, fetched from the store one page at a time as HAPI asks for them (first page, then each
 * {@code next} link through the paging provider): nothing is held in memory but the query.
 */
final class StoreSearchResults implements IBundleProvider {
    private final JdbcResourceStore store;
    private final StoredResources resources;
    private final String type;
    private final List<SearchCriterion> criteria;
    private final SortSpec sort;
    private final Integer pageSize;
    private final Date published = new Date();
    private Integer total;

    StoreSearchResults(JdbcResourceStore store, StoredResources resources, String type,
            List<SearchCriterion> criteria, SortSpec sort, Integer pageSize) {
        this.store = store;
        this.resources = resources;
        this.type = type;
        this.criteria = List.copyOf(criteria);
        this.sort = sort;
        this.pageSize = pageSize;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new org.hl7.fhir.r4.model.InstantType(published);
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int count = Math.max(0, toIndex - fromIndex);
        SearchResult result = store.inTransaction(tx -> tx.search(new SearchQuery(type, criteria, sort, fromIndex,
                Math.max(count, 1))));
        total = result.total();
        return count == 0 ? List.of() : result.page().stream().map(resources::parse).toList();
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return pageSize;
    }

    @Override
    public Integer size() {
        if (total == null) {
            getResources(0, 0);
        }
        return total;
    }
}
