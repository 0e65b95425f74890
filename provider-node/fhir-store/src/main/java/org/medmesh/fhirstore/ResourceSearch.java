package org.medmesh.fhirstore;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Type-level search and conditional lookups over the index tables. */
final class ResourceSearch {
    static final String COLUMNS = "r.res_type, r.res_id, r.version, r.last_updated, r.deleted, v.body";
    static final String FROM = " FROM fhir_resource r JOIN fhir_resource_version v"
            + " ON v.res_type = r.res_type AND v.res_id = r.res_id AND v.version = r.version";

    private final Connection connection;
    private final SearchParamIndexer indexer;
    private final Names names;
    private final Clock clock;

    ResourceSearch(Connection connection, SearchParamIndexer indexer, Names names, Clock clock) {
        this.connection = connection;
        this.indexer = indexer;
        this.names = names;
        this.clock = clock;
    }

    SearchResult search(SearchQuery query) throws SQLException {
        SearchSql sql = new SearchSql(indexer, names.type(query.type()), query.criteria(), clock.instant());
        List<StoredResource> page = List.of();
        if (query.count() > 0) {
            List<Object> params = new ArrayList<>(sql.params());
            String order = order(query.type(), query.sort(), params);
            params.add(query.offset());
            params.add(query.count());
            page = Jdbc.resources(connection, "SELECT " + COLUMNS + FROM + " WHERE " + sql.where() + " ORDER BY "
                    + order + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params);
        }
        return new SearchResult(page, total(sql, query, page));
    }

    /** A short last page tells the total without counting. */
    private int total(SearchSql sql, SearchQuery query, List<StoredResource> page) throws SQLException {
        if (query.count() > 0 && page.size() < query.count() && (!page.isEmpty() || query.offset() == 0)) {
            return query.offset() + page.size();
        }
        long total = Jdbc.count(connection, "SELECT COUNT(*) FROM fhir_resource r WHERE " + sql.where(),
                sql.params());
        return (int) Math.max(total, query.offset() + page.size());
    }

    List<String> resolveConditional(String type, List<SearchCriterion> criteria) throws SQLException {
        if (criteria == null || criteria.isEmpty()) {
            throw new StoreException(StoreException.Code.INVALID, "a conditional operation needs criteria");
        }
        SearchSql sql = new SearchSql(indexer, names.type(type), criteria, clock.instant());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT r.res_id FROM fhir_resource r WHERE " + sql.where() + " ORDER BY r.res_id")) {
            Jdbc.bind(statement, sql.params());
            try (ResultSet rows = statement.executeQuery()) {
                List<String> ids = new ArrayList<>();
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
                return ids;
            }
        }
    }

    private String order(String type, SortSpec sort, List<Object> params) {
        if (sort == null) {
            return "r.last_updated DESC, r.res_id";
        }
        String direction = sort.descending() ? " DESC" : " ASC";
        switch (sort.param()) {
            case "_id":
                return "r.res_id" + direction;
            case "_lastUpdated":
                return "r.last_updated" + direction + ", r.res_id";
            default:
                return indexedOrder(type, sort, direction, params);
        }
    }

    /** By a date's earliest start or a string's first value in order; resources without one go last. */
    private String indexedOrder(String type, SortSpec sort, String direction, List<Object> params) {
        IndexedParam param = indexer.param(type, sort.param()).orElse(null);
        String key;
        if (param != null && param.kind() == RestSearchParameterTypeEnum.DATE) {
            key = "(SELECT MIN(s.low_at) FROM fhir_idx_date s";
        } else if (param != null && param.kind() == RestSearchParameterTypeEnum.STRING) {
            key = "(SELECT MIN(s.value_norm) FROM fhir_idx_string s";
        } else {
            throw new StoreException(StoreException.Code.INVALID, "the store cannot sort " + type + " by "
                    + sort.param());
        }
        params.add(sort.param());
        return key + " WHERE s.res_type = r.res_type AND s.res_id = r.res_id AND s.param = ?)" + direction
                + " NULLS LAST, r.res_id";
    }
}
