package org.medmesh.node.config;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.medmesh.fhirstore.JdbcResourceStore;
import io.micronaut.context.annotation.Bean;
import jakarta.inject.Named;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.medmesh.node.adapter.in.fhir.ProfileValidation;
import org.medmesh.node.adapter.out.http.HttpExchangeClient;
import org.medmesh.node.adapter.out.jose.ChunkSealer;
import org.medmesh.node.application.enrolment.LinkPatient;
import org.medmesh.node.application.enrolment.PatientAccessLog;
import org.medmesh.node.application.enrolment.ReadOwnRecords;
import org.medmesh.node.application.port.AccessChallenges;
import org.medmesh.node.application.exchange.ExchangeTimer;
import org.medmesh.node.application.exchange.FetchRecords;
import org.medmesh.node.application.exchange.ImportRecords;
import org.medmesh.node.application.fhir.BundleProcessor;
import org.medmesh.node.application.port.PatientLinks;
import org.medmesh.node.adapter.out.jose.JwsExchangeRequests;
import org.medmesh.node.application.consent.DecideAccess;
import org.medmesh.node.application.exchange.ReleaseRecords;
import org.medmesh.node.application.exchange.VerifyExchangeRequest;
import org.medmesh.node.application.fhir.PatientRecords;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.port.EmergencyReasons;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.SeenNonces;

/**
 * The record exchange. Holder side: request verification on the DID resolver and the nonces in the node's state
 * store, then the release ({@code medmesh.exchange.break-glass-window}, default 1h: how long a declared emergency
 * may be used).
 */
@Factory
class ExchangeBeans {
    @Singleton
    VerifyExchangeRequest verifyExchangeRequest(DidResolver dids, NodeKeys keys, SeenNonces nonces) {
        return new VerifyExchangeRequest(new JwsExchangeRequests(), dids, keys, nonces, Clock.systemUTC());
    }

    @Singleton
    PatientRecords patientRecords(JdbcResourceStore store, FhirContext context) {
        return new PatientRecords(store, context);
    }

    @Singleton
    ReadOwnRecords readOwnRecords(PatientRecords records, LedgerClient ledger, AccessChallenges challenges) {
        return new ReadOwnRecords(records, ledger, challenges, Clock.systemUTC());
    }

    @Singleton
    PatientAccessLog patientAccessLog(LedgerClient ledger) {
        return new PatientAccessLog(ledger, Clock.systemUTC());
    }

    @Singleton
    LinkPatient linkPatient(PatientRecords records, LedgerClient ledger, PatientLinks links) {
        return new LinkPatient(records, ledger, links, Clock.systemUTC());
    }

    @Singleton
    ImportRecords importRecords(BundleProcessor processor, FhirContext context, NodeProperties properties,
            Optional<ExchangeTimer> timer) {
        Consumer<Bundle> validator = properties.validationEnabled() ? ProfileValidation::requireValid : bundle -> { };
        return new ImportRecords(processor, context, validator, Clock.systemUTC(), timer.orElse(ExchangeTimer.NONE));
    }

    /**
     * Requester side: transfers run on a pool of their own ({@code medmesh.exchange.parallel-holders}, default 8),
     * each limited by {@code medmesh.exchange.timeout} (default 10m) and {@code medmesh.exchange.max-answer-mib}
     * (default 512 MiB of envelopes from one holder).
     */
    @Singleton
    @Bean(preDestroy = "shutdownNow")
    @Named("exchange")
    ExecutorService exchangeExecutor(@Value("${medmesh.exchange.parallel-holders:8}") int parallel) {
        return Executors.newFixedThreadPool(parallel, runnable -> {
            Thread thread = new Thread(runnable, "exchange-fetch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    FetchRecords fetchRecords(PatientLinks links, PatientRecords records, DidResolver dids, NodeKeys keys,
            ImportRecords importer, @Named("exchange") ExecutorService executor,
            @Value("${medmesh.exchange.timeout:10m}") Duration timeout,
            @Value("${medmesh.exchange.max-answer-mib:512}") int maxAnswerMib, Optional<ExchangeTimer> timer) {
        return new FetchRecords(links, records, dids, new HttpExchangeClient(keys, Duration.ofSeconds(5), timeout,
                (long) maxAnswerMib << 20),
                importer, keys, executor, Clock.systemUTC(), timer.orElse(ExchangeTimer.NONE));
    }

    @Singleton
    ReleaseRecords releaseRecords(VerifyExchangeRequest verify, PatientRecords records, DecideAccess decide,
            LedgerClient ledger, EmergencyReasons reasons, NodeKeys keys,
            @Value("${medmesh.exchange.break-glass-window:1h}") Duration breakGlassWindow,
            Optional<ExchangeTimer> timer) {
        return new ReleaseRecords(verify, new JwsExchangeRequests(), records, decide, ledger, reasons,
                new ChunkSealer(keys, new SecureRandom()), Clock.systemUTC(), breakGlassWindow,
                timer.orElse(ExchangeTimer.NONE));
    }
}
