package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.medmesh.fhirstore.StoreTransaction;

/**
 * One transaction (or one batch entry) inside one store transaction, in FHIR's order: deletes; then every create
 * and update is given its {@code Type/id} before anything is written, so that {@code urn:uuid} references can be
 * rewritten whatever their order; resources with conditional references are written last, once what they point to
 * (possibly created by this bundle) can be found; reads and searches come at the end.
 */
final class TransactionRun {
    private final StoreTransaction transaction;
    private final EntryOperations operations;
    private final Supplier<String> newIds;
    private final List<BundleEntryRequest> entries;
    private final BundleEntryComponent[] responses;
    private final Map<String, String> targetsByFullUrl = new HashMap<>();
    private final Map<String, String> resolvedConditions = new HashMap<>();
    private final Map<String, Integer> createdByCondition = new HashMap<>();
    private final BundleReferences references;

    TransactionRun(StoreTransaction transaction, EntryOperations operations, FhirTerser terser,
            Supplier<String> newIds, List<BundleEntryRequest> entries, boolean betweenEntries) {
        this.transaction = transaction;
        this.operations = operations;
        this.newIds = newIds;
        this.entries = entries;
        this.responses = new BundleEntryComponent[entries.size()];
        this.references = new BundleReferences(terser, targetsByFullUrl, betweenEntries);
    }

    /** The responses, in the order of the entries. */
    List<BundleEntryComponent> run() {
        for (BundleEntryRequest entry : only(HTTPVerb.DELETE)) {
            at(entry, () -> responses[slot(entry)] = operations.delete(transaction, entry));
        }
        List<PlannedWrite> writes = new ArrayList<>();
        for (BundleEntryRequest entry : only(HTTPVerb.POST)) {
            at(entry, () -> writes.add(plan(entry)));
        }
        for (BundleEntryRequest entry : only(HTTPVerb.PUT)) {
            at(entry, () -> writes.add(plan(entry)));
        }
        requireOneWritePerResource(writes);
        new ConditionalWrites(transaction, operations, references, resolvedConditions,
                (entry, response) -> responses[slot(entry)] = response).writeAll(writes);
        for (PlannedWrite write : writes) {
            if (write.sameAs() != null) {
                responses[slot(write.entry())] = sameAs(responses[write.sameAs()]);
            }
        }
        for (BundleEntryRequest entry : entries) {
            if (entry.method() == HTTPVerb.GET || entry.method() == HTTPVerb.HEAD) {
                at(entry, () -> responses[slot(entry)] = operations.get(transaction, entry));
            }
        }
        return List.of(responses);
    }

    /** Decides where a create or update goes, without writing it; a conditional create that matches is answered. */
    private PlannedWrite plan(BundleEntryRequest entry) {
        PlannedWrite write;
        if (entry.method() == HTTPVerb.POST) {
            write = entry.ifNoneExist() == null ? new PlannedWrite(entry, newIds.get(), null, null, false)
                    : conditionalCreate(entry);
        } else if (entry.url().id() != null) {
            write = new PlannedWrite(entry, entry.url().id(), entry.ifMatch(), null, false);
        } else {
            write = conditionalUpdate(entry);
        }
        String target = entry.type() + "/" + write.id();
        if (entry.fullUrl() != null && targetsByFullUrl.put(entry.fullUrl(), target) != null) {
            throw new InvalidRequestException("another entry has the same fullUrl");
        }
        return write;
    }

    private PlannedWrite conditionalCreate(BundleEntryRequest entry) {
        String key = entry.ifNoneExist().conditionKey();
        Integer first = createdByCondition.get(key);
        if (first != null) {
            String id = resolvedConditions.get(key);
            return new PlannedWrite(entry, id.substring(id.indexOf('/') + 1), null, first, false);
        }
        String existing = operations.matches().atMostOne(transaction, entry.ifNoneExist(), "ifNoneExist");
        if (existing != null) {
            resolvedConditions.put(key, entry.type() + "/" + existing);
            responses[slot(entry)] = EntryResponses.found(transaction.read(entry.type(), existing).orElseThrow());
            return new PlannedWrite(entry, existing, null, null, true);
        }
        String id = newIds.get();
        resolvedConditions.put(key, entry.type() + "/" + id);
        createdByCondition.put(key, slot(entry));
        return new PlannedWrite(entry, id, null, null, false);
    }

    private PlannedWrite conditionalUpdate(BundleEntryRequest entry) {
        String match = operations.matches().atMostOne(transaction, entry.url(), "conditional update");
        String ownId = entry.resource().hasIdElement() ? entry.resource().getIdElement().getIdPart() : null;
        if (match != null && ownId != null && !ownId.equals(match)) {
            throw new InvalidRequestException("the resource id differs from the resource the conditions match");
        }
        String id = match != null ? match : ownId != null ? ownId : newIds.get();
        resolvedConditions.put(entry.url().conditionKey(), entry.type() + "/" + id);
        return new PlannedWrite(entry, id, entry.ifMatch(), null, false);
    }

    private void requireOneWritePerResource(List<PlannedWrite> writes) {
        Set<String> targets = new HashSet<>();
        for (PlannedWrite write : writes) {
            if (write.needsWriting() && !targets.add(write.entry().type() + "/" + write.id())) {
                throw EntryFailures.of(write.entry().index(),
                        new InvalidRequestException("another entry already writes " + write.entry().type() + "/"
                                + write.id()));
            }
        }
    }

    private static BundleEntryComponent sameAs(BundleEntryComponent first) {
        BundleEntryComponent copy = first.copy();
        copy.getResponse().setStatus("200 OK");
        return copy;
    }

    private List<BundleEntryRequest> only(HTTPVerb method) {
        return entries.stream().filter(entry -> entry.method() == method).toList();
    }

    /** The entry's place in this run (a batch runs its entries one by one). */
    private int slot(BundleEntryRequest entry) {
        return entries.size() == 1 ? 0 : entry.index();
    }

    /** Runs work for one entry; a failure is the entry's, named by its index. */
    static void at(BundleEntryRequest entry, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            throw EntryFailures.of(entry.index(), e);
        }
    }

}
