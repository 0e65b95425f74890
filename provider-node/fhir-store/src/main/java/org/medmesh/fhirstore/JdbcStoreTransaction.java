package org.medmesh.fhirstore;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/** One open database transaction: writes queue as batches, and every read first sends what is queued. */
final class JdbcStoreTransaction implements StoreTransaction, AutoCloseable {
    @FunctionalInterface
    private interface Work<T> {
        T run() throws SQLException;
    }

    private final PendingWrites pending;
    private final ResourceWrites writes;
    private final ResourceReads reads;
    private final ResourceSearch search;
    private boolean open = true;

    JdbcStoreTransaction(Connection connection, SearchParamIndexer indexer, FhirContext context, Names names,
            Clock clock) {
        this.pending = new PendingWrites(connection);
        this.writes = new ResourceWrites(connection, pending, indexer, context, names, clock);
        this.reads = new ResourceReads(connection, names);
        this.search = new ResourceSearch(connection, indexer, names, clock);
    }

    @Override
    public StoredResource create(IBaseResource resource) {
        return write(() -> writes.create(resource));
    }

    @Override
    public StoredResource update(IBaseResource resource, Long expectedVersion) {
        return write(() -> writes.update(resource, expectedVersion));
    }

    @Override
    public StoredResource delete(String type, String id) {
        return write(() -> writes.delete(type, id));
    }

    @Override
    public Optional<StoredResource> read(String type, String id) {
        return query(() -> reads.read(type, id));
    }

    @Override
    public Optional<StoredResource> vread(String type, String id, long version) {
        return query(() -> reads.vread(type, id, version));
    }

    @Override
    public List<StoredResource> history(String type, String id, Instant since, int offset, int count) {
        return query(() -> reads.history(type, id, since, offset, count));
    }

    @Override
    public SearchResult search(SearchQuery query) {
        return query(() -> search.search(query));
    }

    @Override
    public List<String> resolveConditional(String type, List<SearchCriterion> criteria) {
        return query(() -> search.resolveConditional(type, criteria));
    }

    @Override
    public SearchResult patientCompartment(String patientId, int offset, int count) {
        return query(() -> reads.patientCompartment(patientId, offset, count));
    }

    /** Sends the queued writes; called before commit. */
    void flush() {
        write(() -> {
            pending.flush();
            return null;
        });
    }

    private <T> T write(Work<T> work) {
        if (!open) {
            throw new IllegalStateException("the transaction is over");
        }
        try {
            return work.run();
        } catch (SQLException e) {
            throw Jdbc.failure("the store could not write", e);
        }
    }

    private <T> T query(Work<T> work) {
        return write(() -> {
            if (!pending.isEmpty()) {
                pending.flush();
            }
            return work.run();
        });
    }

    @Override
    public void close() {
        open = false;
        try {
            pending.close();
        } catch (SQLException e) {
            throw Jdbc.failure("the store could not release its statements", e);
        }
    }
}
