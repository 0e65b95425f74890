package org.medmesh.node.application.fhir;

import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.medmesh.fhirstore.StoreTransaction;

/**
 * Writes a transaction's planned creates and updates. Resources whose references are all settled are written at
 * once; those with conditional references wait until the store (which then sees this transaction's writes) can
 * resolve them, pass after pass, so a reference may point at a resource the same bundle creates. A pass that
 * settles nothing means a reference matches no resource: 412. Each distinct condition is looked up once.
 */
final class ConditionalWrites {
    private record Waiting(PlannedWrite write, List<BundleReferences.Pending> references) {}

    private final StoreTransaction transaction;
    private final EntryOperations operations;
    private final BundleReferences references;
    private final Map<String, String> resolvedConditions;
    private final BiConsumer<BundleEntryRequest, BundleEntryComponent> respond;

    ConditionalWrites(StoreTransaction transaction, EntryOperations operations, BundleReferences references,
            Map<String, String> resolvedConditions, BiConsumer<BundleEntryRequest, BundleEntryComponent> respond) {
        this.transaction = transaction;
        this.operations = operations;
        this.references = references;
        this.resolvedConditions = resolvedConditions;
        this.respond = respond;
    }

    void writeAll(List<PlannedWrite> writes) {
        List<Waiting> deferred = new ArrayList<>();
        for (PlannedWrite write : writes) {
            if (write.needsWriting()) {
                TransactionRun.at(write.entry(), () -> {
                    List<BundleReferences.Pending> conditional = references.rewrite(write.entry().resource());
                    if (conditional.isEmpty()) {
                        write(write);
                    } else {
                        deferred.add(new Waiting(write, new ArrayList<>(conditional)));
                    }
                });
            }
        }
        List<Waiting> waiting = deferred;
        while (!waiting.isEmpty()) {
            waiting = pass(waiting);
        }
    }

    private List<Waiting> pass(List<Waiting> waiting) {
        Set<String> unmatched = new HashSet<>();
        List<Waiting> stillWaiting = new ArrayList<>();
        for (Waiting next : waiting) {
            TransactionRun.at(next.write().entry(), () -> {
                next.references().removeIf(reference -> resolve(reference, unmatched));
                if (next.references().isEmpty()) {
                    write(next.write());
                } else {
                    stillWaiting.add(next);
                }
            });
        }
        if (stillWaiting.size() == waiting.size()) {
            Waiting stuck = stillWaiting.get(0);
            throw EntryFailures.of(stuck.write().entry().index(), new PreconditionFailedException(
                    "conditional reference " + ConditionalMatches.describe(stuck.references().get(0).condition())
                            + " matches no resource"));
        }
        return stillWaiting;
    }

    /** Rewrites the reference if its condition matches one resource; false while it matches none. */
    private boolean resolve(BundleReferences.Pending reference, Set<String> unmatched) {
        String key = reference.condition().conditionKey();
        String target = resolvedConditions.get(key);
        if (target == null && !unmatched.contains(key)) {
            String id = operations.matches().atMostOne(transaction, reference.condition(), "conditional reference");
            if (id == null) {
                unmatched.add(key);
            } else {
                target = reference.condition().type() + "/" + id;
                resolvedConditions.put(key, target);
            }
        }
        if (target == null) {
            return false;
        }
        reference.reference().setReference(target);
        return true;
    }

    private void write(PlannedWrite write) {
        BundleEntryRequest entry = write.entry();
        respond.accept(entry, EntryResponses.written(
                operations.write(transaction, entry.resource(), write.id(), write.ifMatch())));
    }
}
