package org.medmesh.node.application.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Resource;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.SearchQuery;
import org.medmesh.fhirstore.SearchResult;
import org.medmesh.fhirstore.StoreException;
import org.medmesh.fhirstore.StoreTransaction;
import org.medmesh.fhirstore.StoredResource;

/** What one entry does to the store once its target is known: write, delete, read or search. */
final class EntryOperations {
    static final int DEFAULT_COUNT = 100;
    static final int MAX_COUNT = 1000;

    private final FhirContext context;
    private final SensitivityLabeler labeler;
    private final ConditionalMatches matches;

    EntryOperations(FhirContext context, SensitivityLabeler labeler, ConditionalMatches matches) {
        this.context = context;
        this.labeler = labeler;
        this.matches = matches;
    }

    ConditionalMatches matches() {
        return matches;
    }

    /** Labels the resource and stores it as {@code Type/id} (created if new); If-Match failures are 412. */
    StoredResource write(StoreTransaction transaction, Resource resource, String id, Long ifMatch) {
        labeler.apply(resource);
        resource.setId(resource.fhirType() + "/" + id);
        try {
            return transaction.update(resource, ifMatch);
        } catch (StoreException e) {
            throw ifMatch == null ? e : EntryFailures.preconditionFailed(e);
        }
    }

    BundleEntryComponent delete(StoreTransaction transaction, BundleEntryRequest entry) {
        String id = entry.url().id();
        if (id == null) {
            id = matches.atMostOne(transaction, entry.url(), "conditional delete");
            if (id == null) {
                return EntryResponses.nothingDeleted();
            }
        }
        return EntryResponses.deleted(transaction.delete(entry.type(), id));
    }

    /** GET or HEAD: a read, a vread, or a search with the store's parameters (and {@code _count}). */
    BundleEntryComponent get(StoreTransaction transaction, BundleEntryRequest entry) {
        RequestUrl url = entry.url();
        boolean body = entry.method() == HTTPVerb.GET;
        IParser parser = context.newJsonParser();
        if (url.id() == null) {
            SearchQuery query = new SearchQuery(url.type(), matches.criteria(url), null, 0, count(url));
            SearchResult result = transaction.search(query);
            Bundle searchset = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(result.total());
            for (StoredResource match : result.page()) {
                searchset.addEntry().setResource((Resource) parser.parseResource(match.json()));
            }
            return EntryResponses.searched(body ? searchset : null);
        }
        Optional<StoredResource> found = url.version() == null ? transaction.read(url.type(), url.id())
                : transaction.vread(url.type(), url.id(), url.version());
        StoredResource stored = found.orElseThrow(() -> new ResourceNotFoundException(
                url.type() + "/" + url.id() + (url.version() == null ? "" : " version " + url.version())
                        + " is not known"));
        if (stored.deleted()) {
            throw new StoreException(StoreException.Code.GONE, url.type() + "/" + url.id() + " is deleted");
        }
        return EntryResponses.read(stored, body ? (Resource) parser.parseResource(stored.json()) : null);
    }

    private static int count(RequestUrl url) {
        List<String> counts = url.params().get("_count");
        if (counts == null || counts.isEmpty()) {
            return DEFAULT_COUNT;
        }
        try {
            return Math.min(Math.max(Integer.parseInt(counts.get(0)), 0), MAX_COUNT);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("_count is not a number");
        }
    }
}
