package org.medmesh.fhirstore;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Parameter binding and error mapping shared by the store's SQL. */
final class Jdbc {
    /** FHIR ids have at most 64 characters, and so do the id columns. */
    static final int ID_LENGTH = 64;
    private static final String UNIQUE_VIOLATION = "23505";

    private Jdbc() {}

    static void bind(PreparedStatement statement, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            bind(statement, i + 1, params.get(i));
        }
    }

    static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else if (value instanceof Instant instant) {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        } else if (value instanceof String text) {
            statement.setString(index, text);
        } else if (value instanceof Long number) {
            statement.setLong(index, number);
        } else if (value instanceof Integer number) {
            statement.setInt(index, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(index, flag);
        } else {
            throw new IllegalArgumentException("cannot bind " + value.getClass());
        }
    }

    /** Runs a query whose columns are res_type, res_id, version, last_updated, deleted, body. */
    static List<StoredResource> resources(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                List<StoredResource> resources = new ArrayList<>();
                while (rows.next()) {
                    resources.add(new StoredResource(rows.getString(1), rows.getString(2), rows.getLong(3),
                            instant(rows, 4), rows.getBoolean(5), rows.getString(6)));
                }
                return resources;
            }
        }
    }

    static long count(Connection connection, String sql, List<?> params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, OffsetDateTime.class).toInstant();
    }

    /** A unique-key clash means another transaction created the same resource first. */
    static StoreException failure(String what, SQLException e) {
        for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
            if (UNIQUE_VIOLATION.equals(cause.getSQLState())) {
                return new StoreException(StoreException.Code.VERSION_CONFLICT,
                        "another transaction wrote the same resource first", e);
            }
        }
        return new StoreException(StoreException.Code.STORAGE, what, e);
    }
}
