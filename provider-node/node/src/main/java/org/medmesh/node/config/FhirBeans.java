package org.medmesh.node.config;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import org.medmesh.fhir.Fhir;
import org.medmesh.fhir.labels.SensitivityLabeler;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.fhirstore.StoreSettings;
import org.medmesh.node.application.fhir.BundleProcessor;

/** The FHIR side's shared objects: one FhirContext per process (expensive, thread-safe), the store, the labeler. */
@Factory
class FhirBeans {
    /** The process's one context (strict parsing), shared by every node a JVM runs. */
    @Singleton
    FhirContext fhirContext() {
        return Fhir.context();
    }

    @Singleton
    @Bean(preDestroy = "close")
    JdbcResourceStore resourceStore(NodeProperties properties, FhirContext context) {
        return JdbcResourceStore.open(new StoreSettings(properties.jdbcUrl(), properties.user(), properties.password(),
                properties.poolSize()), context);
    }

    @Singleton
    SensitivityLabeler sensitivityLabeler() {
        return SensitivityLabeler.fromClasspath();
    }

    @Singleton
    BundleProcessor bundleProcessor(JdbcResourceStore store, FhirContext context, SensitivityLabeler labeler) {
        return new BundleProcessor(store, context, labeler);
    }
}
