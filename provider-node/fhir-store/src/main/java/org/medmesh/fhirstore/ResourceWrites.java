package org.medmesh.fhirstore;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.medmesh.fhirstore.PendingWrites.Sql;

/** Create, update and delete: new versions and their index rows, queued on the transaction's batches. */
final class ResourceWrites {
    private record Current(long version, Instant lastUpdated, boolean deleted) {}

    private final Connection connection;
    private final PendingWrites pending;
    private final SearchParamIndexer indexer;
    private final FhirContext context;
    private final Names names;
    private final Clock clock;
    private final IParser parser;

    ResourceWrites(Connection connection, PendingWrites pending, SearchParamIndexer indexer, FhirContext context,
            Names names, Clock clock) {
        this.connection = connection;
        this.pending = pending;
        this.indexer = indexer;
        this.context = context;
        this.names = names;
        this.clock = clock;
        this.parser = context.newJsonParser();
    }

    StoredResource create(IBaseResource resource) throws SQLException {
        String type = typeOf(resource);
        String id = UUID.randomUUID().toString();
        Instant now = now(null);
        StoredResource stored = storeVersion(type, id, 1, now, resource);
        pending.add(Sql.INSERT_RESOURCE, type, id, 1L, now, false);
        index(type, id, resource, false);
        return stored;
    }

    StoredResource update(IBaseResource resource, Long expectedVersion) throws SQLException {
        String type = typeOf(resource);
        String id = resource.getIdElement() == null ? null : resource.getIdElement().getIdPart();
        Names.id(id);
        Current current = lock(type, id);
        if (current == null) {
            if (expectedVersion != null) {
                throw conflict(type, "does not exist, so it is not at version " + expectedVersion);
            }
            Instant now = now(null);
            StoredResource stored = storeVersion(type, id, 1, now, resource);
            pending.add(Sql.INSERT_RESOURCE, type, id, 1L, now, false);
            index(type, id, resource, false);
            return stored;
        }
        if (expectedVersion != null && expectedVersion != current.version()) {
            throw conflict(type, "is at version " + current.version() + ", not " + expectedVersion);
        }
        long version = current.version() + 1;
        Instant now = now(current.lastUpdated());
        StoredResource stored = storeVersion(type, id, version, now, resource);
        pending.add(Sql.UPDATE_RESOURCE, version, now, false, type, id, current.version());
        index(type, id, resource, true);
        return stored;
    }

    StoredResource delete(String type, String id) throws SQLException {
        names.type(type);
        Names.id(id);
        Current current = lock(type, id);
        if (current == null) {
            throw new StoreException(StoreException.Code.NOT_FOUND, type + " " + id + " does not exist");
        }
        if (current.deleted()) {
            return new StoredResource(type, id, current.version(), current.lastUpdated(), true, null);
        }
        long version = current.version() + 1;
        Instant now = now(current.lastUpdated());
        pending.add(Sql.UPDATE_RESOURCE, version, now, true, type, id, current.version());
        pending.add(Sql.INSERT_VERSION, type, id, version, now, true, null);
        removeIndex(type, id);
        pending.touch(type, id);
        return new StoredResource(type, id, version, now, true, null);
    }

    private String typeOf(IBaseResource resource) {
        if (resource == null) {
            throw new StoreException(StoreException.Code.INVALID, "no resource");
        }
        return names.type(context.getResourceType(resource));
    }

    /** Locks the resource's row until commit, so concurrent writers of one resource take turns. */
    private Current lock(String type, String id) throws SQLException {
        if (pending.touches(type, id)) {
            pending.flush();
        }
        String sql = "SELECT version, last_updated, deleted FROM fhir_resource WHERE res_type = ? AND res_id = ?"
                + " FOR UPDATE";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, type);
            statement.setString(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Current(rows.getLong(1), Jdbc.instant(rows, 2), rows.getBoolean(3)) : null;
            }
        }
    }

    /** Millisecond precision (FHIR instants), and never before the previous version. */
    private Instant now(Instant previous) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return previous != null && previous.isAfter(now) ? previous : now;
    }

    private StoredResource storeVersion(String type, String id, long version, Instant now, IBaseResource resource)
            throws SQLException {
        resource.setId(type + "/" + id + "/_history/" + version);
        resource.getMeta().setVersionId(Long.toString(version));
        resource.getMeta().setLastUpdated(Date.from(now));
        String json = parser.encodeResourceToString(resource);
        pending.add(Sql.INSERT_VERSION, type, id, version, now, false, json);
        pending.touch(type, id);
        return new StoredResource(type, id, version, now, false, json);
    }

    private void index(String type, String id, IBaseResource resource, boolean replace) throws SQLException {
        if (replace) {
            removeIndex(type, id);
        }
        IndexRows rows = indexer.extract(type, resource);
        for (IndexRows.TokenRow row : rows.tokens) {
            pending.add(Sql.INSERT_TOKEN, type, id, row.param(), row.system(), row.code());
        }
        for (IndexRows.StringRow row : rows.strings) {
            pending.add(Sql.INSERT_STRING, type, id, row.param(), row.exact(), row.normalized());
        }
        for (IndexRows.DateRow row : rows.dates) {
            pending.add(Sql.INSERT_DATE, type, id, row.param(), row.low(), row.high());
        }
        for (IndexRows.ReferenceRow row : rows.references) {
            pending.add(Sql.INSERT_REFERENCE, type, id, row.param(), row.targetType(), row.targetId());
        }
        for (String patient : rows.patients) {
            pending.add(Sql.INSERT_COMPARTMENT, patient, type, id);
        }
    }

    private void removeIndex(String type, String id) throws SQLException {
        for (Sql sql : new Sql[] {Sql.DELETE_TOKENS, Sql.DELETE_STRINGS, Sql.DELETE_DATES, Sql.DELETE_REFERENCES,
                Sql.DELETE_COMPARTMENT}) {
            pending.add(sql, type, id);
        }
    }

    private static StoreException conflict(String type, String detail) {
        return new StoreException(StoreException.Code.VERSION_CONFLICT, "the " + type + " " + detail);
    }
}
