package org.medmesh.node.adapter.out.jose;

import static org.medmesh.node.adapter.out.jose.StreamClaims.CHUNK;
import static org.medmesh.node.adapter.out.jose.StreamClaims.COUNT;
import static org.medmesh.node.adapter.out.jose.StreamClaims.DATA;
import static org.medmesh.node.adapter.out.jose.StreamClaims.LAST;
import static org.medmesh.node.adapter.out.jose.StreamClaims.MANIFEST;
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
import java.util.Objects;
import org.medmesh.node.application.port.NodeKeys;

/**
 * The holder's side of the response stream: the plaintext (a FHIR Bundle's JSON) in pieces of at most
 * {@value #MAX_CHUNK_BYTES} bytes, each signed by the holder and encrypted to the requester's reply key, with the
 * request id, a stream id (random per response), its sequence number and a last-chunk flag; then a manifest with
 * the chunk count and the SHA-256 of the whole plaintext. The manifest is encrypted like the chunks: the digest of
 * a patient's records must not be visible to whoever terminates TLS, and the requester needs one code path only.
 */
public final class ChunkSealer {
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
        Objects.requireNonNull(requestId, "requestId");
        String streamId = newStreamId();
        int count = Math.max(1, (plaintext.length + MAX_CHUNK_BYTES - 1) / MAX_CHUNK_BYTES);
        List<String> chunks = new ArrayList<>(count);
        for (int seq = 0; seq < count; seq++) {
            byte[] piece = Arrays.copyOfRange(plaintext, seq * MAX_CHUNK_BYTES,
                    Math.min(plaintext.length, (seq + 1) * MAX_CHUNK_BYTES));
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .claim(REQUEST_ID, requestId)
                    .claim(STREAM_ID, streamId)
                    .claim(SEQUENCE, seq)
                    .claim(LAST, seq == count - 1)
                    .claim(DATA, Base64URL.encode(piece).toString())
                    .build();
            Arrays.fill(piece, (byte) 0);
            chunks.add(Envelopes.seal(claims, CHUNK, holderKeys, replyKey));
        }
        JWTClaimsSet manifest = new JWTClaimsSet.Builder()
                .issuer(holderKeys.organization().value())
                .claim(REQUEST_ID, requestId)
                .claim(STREAM_ID, streamId)
                .claim(COUNT, count)
                .claim(SHA256, Base64URL.encode(sha256(plaintext)).toString())
                .build();
        return new SealedResponse(chunks, Envelopes.seal(manifest, MANIFEST, holderKeys, replyKey));
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
