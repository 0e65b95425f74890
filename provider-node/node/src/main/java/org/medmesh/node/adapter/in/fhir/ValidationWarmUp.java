package org.medmesh.node.adapter.in.fhir;

import io.micronaut.context.annotation.Requires;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms the profile validator as soon as the server is up, off the request threads: its first validation loads the
 * R4 profiles (seconds on a cold JVM), which the first client's write should not pay for.
 */
@Singleton
@Requires(property = "medmesh.node.validation", notEquals = "false")
class ValidationWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ValidationWarmUp.class);

    @EventListener
    @ExecuteOn(TaskExecutors.BLOCKING)
    void onStartup(ServerStartupEvent event) {
        long started = System.nanoTime();
        ProfileValidation.warmUp();
        LOG.info("profile validator ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    }
}
