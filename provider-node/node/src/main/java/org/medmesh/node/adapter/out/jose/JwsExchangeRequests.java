package org.medmesh.node.adapter.out.jose;

import java.time.Clock;
import java.time.Duration;
import org.medmesh.node.application.port.ExchangeRequests;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/** Exchange requests as compact JWS ({@link ExchangeRequestCodec}). */
public final class JwsExchangeRequests implements ExchangeRequests {

    @Override
    public String requestId(String request) {
        return ExchangeRequestCodec.requestId(request);
    }

    @Override
    public Did claimedRequester(String request) {
        return ExchangeRequestCodec.claimedRequester(request);
    }

    @Override
    public ExchangeRequest verify(String request, String requesterSigningKey, Did expectedAudience, Clock clock,
            Duration maxLifetime) {
        return ExchangeRequestCodec.verify(request, requesterSigningKey, expectedAudience, clock, maxLifetime);
    }
}
