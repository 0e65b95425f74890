package org.medmesh.node.application.port;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.consent.ledger.Did;

/**
 * The requester's side of the exchange on the wire: sign a request with this node's key, send it to the holder's
 * endpoint, and verify and decrypt the streamed answer with a fresh reply key that is erased afterwards.
 */
public interface ExchangeClient {

    /**
     * Fetches one holder's answer.
     *
     * @param endpoint the holder's service endpoint (from its DID document)
     * @param holder the holder's DID, which must have signed every envelope
     * @param holderSigningKey the holder's current signing key on the ledger (base64url raw Ed25519)
     * @param request builds the request around the fresh reply key's public half (base64url)
     * @param progress told after each verified chunk
     * @return the verified plaintext and the manifest's receipt
     * @throws ExchangeRefusedException the answer is not a valid stream for this request (nothing may be used)
     * @throws HolderFailedException the holder refused, answered an error, or could not be reached
     */
    Fetched fetch(URI endpoint, Did holder, String holderSigningKey, Function<String, ExchangeRequest> request,
            Progress progress);

    /**
     * A verified answer: the FHIR Bundle's JSON and the manifest's receipt (eventId, txId, consent or break-glass),
     * with where the time went: waiting for the holder's first byte, the transfer (reading the stream), and
     * decrypting and verifying the envelopes (within the transfer, done as each arrives).
     */
    record Fetched(byte[] bundle, Map<String, String> receipt, int chunks, Duration waited, Duration transferred,
            Duration opened) {}

    /** Progress of one transfer. */
    @FunctionalInterface
    interface Progress {
        void chunk(int chunksReceived, long bytesReceived);
    }
}
