package org.medmesh.node.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.node.adapter.out.jdbc.JdbcNodeState;
import org.medmesh.node.application.consent.AcceptConsentDocument;
import org.medmesh.node.application.consent.ConsentCache;
import org.medmesh.node.application.consent.DecideAccess;
import org.medmesh.node.application.consent.SubmitConsent;
import org.medmesh.node.application.enrolment.CompleteEnrolment;
import org.medmesh.node.application.enrolment.StartEnrolment;
import org.medmesh.node.application.port.LedgerClient;

/** Consent, enrolment and decision use cases, on the node's state store and its ledger client. */
@Factory
class ConsentBeans {
    @Singleton
    @Bean(preDestroy = "close")
    JdbcNodeState nodeState(NodeProperties properties) {
        return JdbcNodeState.open(properties.jdbcUrl(), properties.user(), properties.password());
    }

    @Singleton
    SubmitConsent submitConsent(LedgerClient ledger, JdbcNodeState state) {
        return new SubmitConsent(ledger, state, Clock.systemUTC());
    }

    @Singleton
    AcceptConsentDocument acceptConsentDocument(LedgerClient ledger, JdbcNodeState state) {
        return new AcceptConsentDocument(ledger, state, Clock.systemUTC());
    }

    @Singleton
    StartEnrolment startEnrolment(JdbcResourceStore store, JdbcNodeState state, LedgerClient ledger) {
        return new StartEnrolment(store, state, ledger, Clock.systemUTC(), new SecureRandom());
    }

    @Singleton
    CompleteEnrolment completeEnrolment(JdbcResourceStore store, JdbcNodeState state, LedgerClient ledger) {
        return new CompleteEnrolment(store, state, ledger, Clock.systemUTC());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ConsentCache consentCache(LedgerClient ledger) {
        return new ConsentCache(ledger);
    }

    @Singleton
    DecideAccess decideAccess(ConsentCache cache) {
        return new DecideAccess(cache);
    }
}
