package org.medmesh.node.adapter.out.jose;

import static org.medmesh.node.adapter.out.jose.StreamClaims.CHUNK;
import static org.medmesh.node.adapter.out.jose.StreamClaims.COUNT;
import static org.medmesh.node.adapter.out.jose.StreamClaims.DATA;
import static org.medmesh.node.adapter.out.jose.StreamClaims.LAST;
import static org.medmesh.node.adapter.out.jose.StreamClaims.MANIFEST;
import static org.medmesh.node.adapter.out.jose.StreamClaims.RECEIPT;
import static org.medmesh.node.adapter.out.jose.StreamClaims.REQUEST_ID;
import static org.medmesh.node.adapter.out.jose.StreamClaims.SEQUENCE;
import static org.medmesh.node.adapter.out.jose.StreamClaims.SHA256;
import static org.medmesh.node.adapter.out.jose.StreamClaims.STREAM_ID;

import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Objects;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.application.port.ResponseSealer;

/**
 * The holder's side of the response stream: the plaintext (a FHIR Bundle's JSON) in pieces of at most
 * {@value #MAX_CHUNK_BYTES} bytes, each signed by the holder and encrypted to the requester's reply key, with the
 * request id, a stream id (random per response), its sequence number and a last-chunk flag; then a manifest with
 * the chunk count and the SHA-256 of the whole plaintext. The manifest is encrypted like the chunks: the digest of
 * a patient's records must not be visible to whoever terminates TLS, and the requester needs one code path only.
 */
public final class ChunkSealer implements ResponseSealer {
    public static final int MAX_CHUNK_BYTES = 64 * 1024;
    private static final int STREAM_ID_BYTES = 16;

    private final NodeKeys holderKeys;
    private final SecureRandom random;

    public ChunkSealer(NodeKeys holderKeys, SecureRandom random) {
        this.holderKeys = Objects.requireNonNull(holderKeys, "holderKeys");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The sealed stream of {@code plaintext} for request {@code requestId}, to {@code replyKey} (base64url). */
    public SealedResponse seal(String requestId, String replyKey, byte[] plaintext) {
        List<String> envelopes = new ArrayList<>();
        seal(requestId, replyKey, plaintext, Map.of(), envelopes::add);
        return new SealedResponse(envelopes.subList(0, envelopes.size() - 1), envelopes.get(envelopes.size() - 1));
    }

    /**
     * Seals {@code plaintext} chunk by chunk, handing each envelope to {@code sink} as soon as it is sealed (so the
     * first chunk travels while the next is being encrypted), then the manifest, which also carries
     * {@code receipt}: what the requester records with the import (the ledger transaction, the consent), signed
     * with the rest.
     */
    @Override
    public void seal(String requestId, String replyKey, byte[] plaintext, Map<String, String> receipt,
            Consumer<String> sink) {
        Objects.requireNonNull(requestId, "requestId");
        String streamId = newStreamId();
        int count = Math.max(1, (plaintext.length + MAX_CHUNK_BYTES - 1) / MAX_CHUNK_BYTES);
        for (int seq = 0; seq < count; seq++) {
            byte[] piece = Arrays.copyOfRange(plaintext, seq * MAX_CHUNK_BYTES,
                    Math.min(plaintext.length, (seq + 1) * MAX_CHUNK_BYTES));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .claim(REQUEST_ID, requestId)
                    .claim(STREAM_ID, streamId)
                    .claim(SEQUENCE, seq)
                    .claim(LAST, seq == count - 1)
                    .claim(DATA, java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(piece))
                    .build();
            Arrays.fill(piece, (byte) 0);
            sink.accept(Envelopes.seal(claims, CHUNK, holderKeys, replyKey));
        }
        JWTClaimsSet.Builder manifest = new JWTClaimsSet.Builder()
                .issuer(holderKeys.organization().value())
                .claim(REQUEST_ID, requestId)
                .claim(STREAM_ID, streamId)
                .claim(COUNT, count)
                .claim(SHA256, Base64URL.encode(sha256(plaintext)).toString());
        if (!receipt.isEmpty()) {
            manifest.claim(RECEIPT, Map.copyOf(receipt));
        }
        sink.accept(Envelopes.seal(manifest.build(), MANIFEST, holderKeys, replyKey));
    }

    private String newStreamId() {
        byte[] id = new byte[STREAM_ID_BYTES];
        random.nextBytes(id);
        return Base64URL.encode(id).toString();
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
