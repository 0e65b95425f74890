package org.medmesh.node.application.exchange;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.medmesh.node.application.identity.DidResolver;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.node.application.port.ExchangeRequests;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.SeenNonces;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.node.domain.identity.ResolvedDid;
import org.medmesh.consent.ledger.Did;

/**
 * The holder's first step on an incoming exchange request: the requester must be an organisation with a current
 * DID on the ledger, the request signed with that DID's signing key, addressed to this node, valid now and short
 * lived, and its nonce not seen before. The nonce is remembered only once everything else holds, so a forged or
 * stale request cannot use up a genuine request's nonce; it is remembered until the request could no longer be
 * accepted anyway ({@link ExchangeRequest#acceptedUntil()}), durably, so a replay is refused after a restart too.
 */
public final class VerifyExchangeRequest {
    /** The longest validity (issued-at to expiry) a request may ask for. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);

    private final ExchangeRequests requests;
    private final DidResolver dids;
    private final NodeKeys keys;
    private final SeenNonces nonces;
    private final Clock clock;

    public VerifyExchangeRequest(ExchangeRequests requests, DidResolver dids, NodeKeys keys, SeenNonces nonces,
            Clock clock) {
        this.requests = Objects.requireNonNull(requests, "requests");
        this.dids = Objects.requireNonNull(dids, "dids");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The verified request.
     *
     * @throws ExchangeRefusedException with the reason the request must not be acted on
     * @throws org.medmesh.node.application.port.LedgerClientException if the ledger cannot be read (fail closed)
     * @throws IllegalStateException if the nonce cannot be recorded (fail closed)
     */
    public ExchangeRequest verify(String jws) {
        Did requester = requests.claimedRequester(jws);
        String signingKey = signingKeyOf(requester);
        ExchangeRequest request = requests.verify(jws, signingKey, keys.organization(), clock, MAX_LIFETIME);
        // The nonce is recorded under the requester whose key verified it, never under a name the port read apart.
        if (!request.requester().equals(requester)) {
            throw new ExchangeRefusedException(ExchangeRefusal.MALFORMED, "the verified requester is another one");
        }
        if (!nonces.remember(requester.value(), request.nonce(), request.acceptedUntil())) {
            throw new ExchangeRefusedException(ExchangeRefusal.REPLAYED, "this request's nonce was already used");
        }
        return request;
    }

    private String signingKeyOf(Did requester) {
        if (!requester.isOrganization()) {
            throw new ExchangeRefusedException(ExchangeRefusal.UNKNOWN_REQUESTER, "only organisations request records");
        }
        return dids.resolve(requester.value()).filter(did -> !did.deactivated()).flatMap(ResolvedDid::signingKey)
                .orElseThrow(() -> new ExchangeRefusedException(ExchangeRefusal.UNKNOWN_REQUESTER,
                        "the requester has no current DID on the ledger"));
    }
}
