package org.medmesh.node.config;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.medmesh.node.application.port.SeenNonces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets the nonces of exchange requests that could no longer be accepted anyway, and (in the same store call) the
 * patients' expired or used access challenges. Only keeps the tables small: verification does not depend on it
 * running (an expired request or challenge is refused on its expiry alone).
 */
@Singleton
class NonceCleanup {
    private static final Logger LOG = LoggerFactory.getLogger(NonceCleanup.class);

    private final SeenNonces nonces;
    private final Clock clock;

    NonceCleanup(SeenNonces nonces) {
        this.nonces = nonces;
        this.clock = Clock.systemUTC();
    }

    @Scheduled(initialDelay = "1m", fixedDelay = "10m")
    void forgetExpired() {
        try {
            int forgotten = nonces.forgetExpired(clock.instant());
            LOG.debug("forgot {} expired exchange nonces", forgotten);
        } catch (IllegalStateException e) {
            // Next run retries; a failing store shows up in verification too, which fails closed.
            LOG.warn("cannot forget expired exchange nonces: {}", e.getMessage());
        }
    }
}
