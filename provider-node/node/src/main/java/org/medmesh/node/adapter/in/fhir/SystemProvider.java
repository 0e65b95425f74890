package org.medmesh.node.adapter.in.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import jakarta.inject.Singleton;
import org.hl7.fhir.r4.model.Bundle;
import org.medmesh.node.application.fhir.BundleProcessor;

/** System-level interactions: {@code transaction} (all or nothing) and {@code batch} Bundles posted to {@code /fhir}. */
@Singleton
public class SystemProvider {
    private final BundleProcessor processor;

    SystemProvider(BundleProcessor processor) {
        this.processor = processor;
    }

    @Transaction
    public Bundle process(@TransactionParam Bundle bundle) {
        return switch (bundle.getType()) {
            case TRANSACTION -> processor.transaction(bundle);
            case BATCH -> processor.batch(bundle);
            default -> throw new InvalidRequestException("only transaction and batch Bundles can be posted to /fhir");
        };
    }
}
