package org.medmesh.fhirstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads by id and version, history, and the Patient compartment. */
final class ResourceReads {
    private final Connection connection;
    private final Names names;

    ResourceReads(Connection connection, Names names) {
        this.connection = connection;
        this.names = names;
    }

    Optional<StoredResource> read(String type, String id) throws SQLException {
        names.type(type);
        if (!Names.isId(id)) {
            return Optional.empty();
        }
        List<StoredResource> found = Jdbc.resources(connection, "SELECT " + ResourceSearch.COLUMNS
                + ResourceSearch.FROM + " WHERE r.res_type = ? AND r.res_id = ?", List.of(type, id));
        if (!found.isEmpty() && found.get(0).deleted()) {
            throw new StoreException(StoreException.Code.GONE, type + " " + id + " is deleted");
        }
        return found.stream().findFirst();
    }

    Optional<StoredResource> vread(String type, String id, long version) throws SQLException {
        names.type(type);
        if (!Names.isId(id)) {
            return Optional.empty();
        }
        return Jdbc.resources(connection, "SELECT res_type, res_id, version, last_updated, deleted, body"
                + " FROM fhir_resource_version WHERE res_type = ? AND res_id = ? AND version = ?",
                List.of(type, id, version)).stream().findFirst();
    }

    List<StoredResource> history(String type, String id, Instant since, int offset, int count)
            throws SQLException {
        if (offset < 0 || count < 0) {
            throw new StoreException(StoreException.Code.INVALID, "offset and count cannot be negative");
        }
        if (id != null && type == null) {
            throw new StoreException(StoreException.Code.INVALID, "an instance history needs the type");
        }
        StringBuilder sql = new StringBuilder("SELECT res_type, res_id, version, last_updated, deleted, body"
                + " FROM fhir_resource_version WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (type != null) {
            sql.append(" AND res_type = ?");
            params.add(names.type(type));
        }
        if (id != null) {
            sql.append(" AND res_id = ?");
            params.add(id);
        }
        if (since != null) {
            sql.append(" AND last_updated >= ?");
            params.add(since);
        }
        sql.append(" ORDER BY last_updated DESC, version DESC, res_type, res_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(offset);
        params.add(count);
        return Jdbc.resources(connection, sql.toString(), params);
    }

    SearchResult patientCompartment(String patientId, int offset, int count) throws SQLException {
        Names.id(patientId);
        if (offset < 0 || count < 0) {
            throw new StoreException(StoreException.Code.INVALID, "offset and count cannot be negative");
        }
        String members = " FROM (SELECT m.res_type, m.res_id, MIN(m.sort_key) AS sort_key FROM ("
                + "SELECT CAST('Patient' AS VARCHAR(64)) AS res_type, CAST(? AS VARCHAR(64)) AS res_id, 0 AS sort_key"
                + " UNION ALL SELECT c.res_type, c.res_id, 1 FROM fhir_patient_compartment c WHERE c.patient_id = ?"
                + ") m GROUP BY m.res_type, m.res_id) p"
                + " JOIN fhir_resource r ON r.res_type = p.res_type AND r.res_id = p.res_id";
        String current = " WHERE r.deleted = FALSE";
        List<StoredResource> page = Jdbc.resources(connection, "SELECT " + ResourceSearch.COLUMNS + members
                + " JOIN fhir_resource_version v ON v.res_type = r.res_type AND v.res_id = r.res_id"
                + " AND v.version = r.version" + current
                + " ORDER BY p.sort_key, r.res_type, r.res_id OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                List.of(patientId, patientId, offset, count));
        long total = Jdbc.count(connection, "SELECT COUNT(*)" + members + current, List.of(patientId, patientId));
        return new SearchResult(page, (int) Math.max(total, offset + page.size()));
    }
}
