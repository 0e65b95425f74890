package org.medmesh.node.application.port;

import java.time.Clock;
import java.time.Duration;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/**
 * The exchange request's wire format, as the holder reads it. Both methods throw {@link ExchangeRefusedException}
 * with the reason when the request must not be acted on.
 */
public interface ExchangeRequests {

    /** The request's id, which every envelope of the answer carries (it binds the answer to this request). */
    String requestId(String request);

    /** The requester the request claims to come from, unverified: to look its signing key up. */
    Did claimedRequester(String request);

    /**
     * The request if it is signed with {@code requesterSigningKey} (base64url of the raw Ed25519 key), addressed to
     * {@code expectedAudience}, valid now (within {@link ExchangeRequest#CLOCK_SKEW}) and at most
     * {@code maxLifetime} long.
     */
    ExchangeRequest verify(String request, String requesterSigningKey, Did expectedAudience, Clock clock,
            Duration maxLifetime);
}
