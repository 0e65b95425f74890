package org.medmesh.fhirstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A transaction's writes, held as JDBC batches and sent one round trip per statement kind when the transaction
 * reads or commits. Statement kinds run in declaration order, so a resource's old index rows go before its new.
 */
final class PendingWrites implements AutoCloseable {
    enum Sql {
        INSERT_RESOURCE("INSERT INTO fhir_resource (res_type, res_id, version, last_updated, deleted)"
                + " VALUES (?, ?, ?, ?, ?)"),
        UPDATE_RESOURCE("UPDATE fhir_resource SET version = ?, last_updated = ?, deleted = ?"
                + " WHERE res_type = ? AND res_id = ? AND version = ?"),
        INSERT_VERSION("INSERT INTO fhir_resource_version (res_type, res_id, version, last_updated, deleted, body)"
                + " VALUES (?, ?, ?, ?, ?, ?)"),
        DELETE_TOKENS("DELETE FROM fhir_idx_token WHERE res_type = ? AND res_id = ?"),
        DELETE_STRINGS("DELETE FROM fhir_idx_string WHERE res_type = ? AND res_id = ?"),
        DELETE_DATES("DELETE FROM fhir_idx_date WHERE res_type = ? AND res_id = ?"),
        DELETE_REFERENCES("DELETE FROM fhir_idx_reference WHERE res_type = ? AND res_id = ?"),
        DELETE_COMPARTMENT("DELETE FROM fhir_patient_compartment WHERE res_type = ? AND res_id = ?"),
        INSERT_TOKEN("INSERT INTO fhir_idx_token (res_type, res_id, param, token_system, token_code)"
                + " VALUES (?, ?, ?, ?, ?)"),
        INSERT_STRING("INSERT INTO fhir_idx_string (res_type, res_id, param, value_exact, value_norm)"
                + " VALUES (?, ?, ?, ?, ?)"),
        INSERT_DATE("INSERT INTO fhir_idx_date (res_type, res_id, param, low_at, high_at) VALUES (?, ?, ?, ?, ?)"),
        INSERT_REFERENCE("INSERT INTO fhir_idx_reference (res_type, res_id, param, target_type, target_id)"
                + " VALUES (?, ?, ?, ?, ?)"),
        INSERT_COMPARTMENT("INSERT INTO fhir_patient_compartment (patient_id, res_type, res_id) VALUES (?, ?, ?)");

        private final String text;

        Sql(String text) {
            this.text = text;
        }
    }

    private final Connection connection;
    private final Map<Sql, PreparedStatement> statements = new EnumMap<>(Sql.class);
    private final Map<Sql, Integer> counts = new EnumMap<>(Sql.class);
    private final Set<String> touched = new HashSet<>();

    PendingWrites(Connection connection) {
        this.connection = connection;
    }

    void add(Sql sql, Object... params) throws SQLException {
        PreparedStatement statement = statements.get(sql);
        if (statement == null) {
            statement = connection.prepareStatement(sql.text);
            statements.put(sql, statement);
        }
        Jdbc.bind(statement, Arrays.asList(params));
        statement.addBatch();
        counts.merge(sql, 1, Integer::sum);
    }

    /** Records that a resource has writes waiting; a second write to it must flush first. */
    void touch(String type, String id) {
        touched.add(type + "/" + id);
    }

    boolean touches(String type, String id) {
        return touched.contains(type + "/" + id);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    void flush() throws SQLException {
        for (Map.Entry<Sql, Integer> pending : counts.entrySet()) {
            int[] results = statements.get(pending.getKey()).executeBatch();
            if (pending.getKey() == Sql.UPDATE_RESOURCE) {
                requireOneRowEach(results);
            }
        }
        counts.clear();
        touched.clear();
    }

    /** An update that changed no row lost a race the row lock should have prevented: report it, do not hide it. */
    private static void requireOneRowEach(int[] results) {
        for (int result : results) {
            if (result != 1 && result != Statement.SUCCESS_NO_INFO) {
                throw new StoreException(StoreException.Code.VERSION_CONFLICT,
                        "the resource changed while this transaction was updating it");
            }
        }
    }

    @Override
    public void close() throws SQLException {
        SQLException first = null;
        for (PreparedStatement statement : statements.values()) {
            try {
                statement.close();
            } catch (SQLException e) {
                first = first == null ? e : first;
            }
        }
        statements.clear();
        if (first != null) {
            throw first;
        }
    }
}
