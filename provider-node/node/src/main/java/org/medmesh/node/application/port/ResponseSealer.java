package org.medmesh.node.application.port;

import java.util.Map;
import java.util.function.Consumer;

/**
 * The response stream's wire format, as the holder writes it: the plaintext in signed and encrypted chunks to the
 * requester's reply key, then a signed manifest (count, SHA-256, and the receipt the requester keeps).
 */
public interface ResponseSealer {

    /**
     * Hands each envelope to {@code sink} as soon as it is sealed: the chunks in order, the manifest last.
     *
     * @param requestId the request's id, which every envelope carries
     * @param replyKey the requester's ephemeral X25519 public key (base64url of its 32 bytes)
     * @param receipt what the manifest carries besides count and digest (ledger transaction, consent…)
     */
    void seal(String requestId, String replyKey, byte[] plaintext, Map<String, String> receipt,
            Consumer<String> sink);
}
