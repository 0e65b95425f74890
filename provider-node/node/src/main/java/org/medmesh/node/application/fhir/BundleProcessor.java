package org.medmesh.node.application.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.util.FhirTerser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.StoreException;

/**
 * Executes FHIR R4 {@code transaction} and {@code batch} Bundles, as EHRs and Synthea send them, against the
 * resource store. A transaction is all or nothing in one store transaction; each batch entry stands alone.
 * Resources are labelled with the {@link SensitivityLabeler} before they are stored. Thread-safe.
 */
public final class BundleProcessor {
    private final JdbcResourceStore store;
    private final FhirContext context;
    private final EntryOperations operations;
    private final Supplier<String> newIds;

    public BundleProcessor(JdbcResourceStore store, FhirContext context, SensitivityLabeler labeler) {
        this(store, context, labeler, store::searchParameters, () -> UUID.randomUUID().toString());
    }

    /**
     * @param searchParameters the parameters the store answers for a type, besides {@code _id} and
     *     {@code _lastUpdated}
     * @param newIds the logical ids of created resources
     */
    BundleProcessor(JdbcResourceStore store, FhirContext context, SensitivityLabeler labeler,
            Function<String, Map<String, RestSearchParameterTypeEnum>> searchParameters, Supplier<String> newIds) {
        this.store = Objects.requireNonNull(store, "store");
        this.context = Objects.requireNonNull(context, "context");
        this.newIds = Objects.requireNonNull(newIds, "newIds");
        Set<String> types = Set.copyOf(context.getResourceTypes());
        this.operations = new EntryOperations(context, Objects.requireNonNull(labeler, "labeler"),
                new ConditionalMatches(type -> {
                    if (!types.contains(type)) {
                        throw new InvalidRequestException("not a FHIR R4 resource type: " + type);
                    }
                    return searchParameters.apply(type);
                }));
    }

    /**
     * Executes every entry or none, in FHIR's order (deletes, creates, updates, reads), and answers with a
     * {@code transaction-response} whose entries follow the request's.
     *
     * @throws BaseServerResponseException the first failing entry's error (its OperationOutcome names the entry);
     *     nothing is stored
     */
    public Bundle transaction(Bundle bundle) {
        requireType(bundle, BundleType.TRANSACTION);
        List<BundleEntryRequest> entries = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            entries.add(checked(i, bundle.getEntry().get(i)));
        }
        try {
            return response(BundleType.TRANSACTIONRESPONSE, store.inTransaction(transaction ->
                    new TransactionRun(transaction, operations, context.newTerser(), newIds, entries, true).run()));
        } catch (StoreException e) {
            throw EntryFailures.asHapi(e);
        }
    }

    /**
     * Executes each entry on its own, in order, and answers with a {@code batch-response}: a failed entry's
     * response carries its status and an OperationOutcome, and the other entries go ahead. Entries cannot
     * reference each other by {@code urn:uuid}.
     */
    public Bundle batch(Bundle bundle) {
        requireType(bundle, BundleType.BATCH);
        FhirTerser terser = context.newTerser();
        List<BundleEntryComponent> responses = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            responses.add(batchEntry(i, bundle.getEntry().get(i), terser));
        }
        return response(BundleType.BATCHRESPONSE, responses);
    }

    private BundleEntryComponent batchEntry(int index, BundleEntryComponent entry, FhirTerser terser) {
        try {
            BundleEntryRequest request = checked(index, entry);
            return store.inTransaction(transaction ->
                    new TransactionRun(transaction, operations, terser, newIds, List.of(request), false).run()).get(0);
        } catch (BaseServerResponseException e) {
            return EntryResponses.failed(e.getOperationOutcome() != null ? e : EntryFailures.of(index, e));
        } catch (RuntimeException e) {
            return EntryResponses.failed(EntryFailures.of(index, e));
        }
    }

    private static BundleEntryRequest checked(int index, BundleEntryComponent entry) {
        try {
            return BundleEntryRequest.of(index, entry);
        } catch (RuntimeException e) {
            throw EntryFailures.of(index, e);
        }
    }

    private static void requireType(Bundle bundle, BundleType type) {
        if (bundle == null || bundle.getType() != type) {
            throw new InvalidRequestException("expected a Bundle of type " + type.toCode());
        }
    }

    private static Bundle response(BundleType type, List<BundleEntryComponent> entries) {
        Bundle response = new Bundle().setType(type);
        entries.forEach(response::addEntry);
        return response;
    }
}
