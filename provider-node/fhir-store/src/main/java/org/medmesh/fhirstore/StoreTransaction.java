package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * What a caller can do inside one database transaction (see {@link JdbcResourceStore#inTransaction}). Writes
 * are batched and reach the database before the next read or at commit; reads see this transaction's writes.
 * Valid only inside the function it was passed to.
 */
public interface StoreTransaction {

    /**
     * Stores a new resource under a fresh UUID at version 1. Sets the id and {@code meta.versionId} /
     * {@code meta.lastUpdated} on the given resource, and ignores any id it had.
     */
    StoredResource create(IBaseResource resource);

    /**
     * Stores a new version of the resource named by its id, or creates it at version 1 under that id (a
     * client-assigned id). With {@code expectedVersion} set, the current version must be that one, else
     * {@link StoreException.Code#VERSION_CONFLICT}. Updating a deleted resource revives it.
     */
    StoredResource update(IBaseResource resource, Long expectedVersion);

    /**
     * Adds a deletion as the resource's next version and drops it from search. A resource that never existed is
     * {@link StoreException.Code#NOT_FOUND}; deleting a deleted resource changes nothing and returns its deletion.
     */
    StoredResource delete(String type, String id);

    /** The current version; empty if it never existed, {@link StoreException.Code#GONE} if it is deleted. */
    Optional<StoredResource> read(String type, String id);

    /** One version, deleted versions included (with a null body). */
    Optional<StoredResource> vread(String type, String id, long version);

    /**
     * Versions newest first, deletions included: of one resource ({@code type} and {@code id}), of a type
     * ({@code id} null), or of the whole store (both null); {@code since} (inclusive) may be null.
     */
    List<StoredResource> history(String type, String id, Instant since, int offset, int count);

    /** Current, non-deleted resources of the query's type matching every criterion. */
    SearchResult search(SearchQuery query);

    /** The ids of current resources of the type matching every criterion, for conditional operations. */
    List<String> resolveConditional(String type, List<SearchCriterion> criteria);

    /**
     * The Patient's compartment, for {@code Patient/$everything}: the Patient first, then every current resource
     * that references it through a Patient-compartment parameter of its type, by type and id.
     */
    SearchResult patientCompartment(String patientId, int offset, int count);
}
