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

import com.nimbusds.jose.crypto.X25519Decrypter;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medmesh.node.application.port.ExchangeRefusal;
import org.medmesh.node.application.port.ExchangeRefusedException;
import org.medmesh.consent.ledger.Did;

/**
 * The requester's side of one response stream: {@link #accept} each chunk envelope in arrival order, then
 * {@link #finish} with the manifest envelope, which returns the plaintext only if the whole stream verified. The
 * first refusal poisons the opener; success or refusal closes the reply key and wipes the chunks received. Not
 * thread-safe: one stream, one reader.
 */
public final class ChunkOpener implements AutoCloseable {
    private final String requestId;
    private final ReplyKey replyKey;
    private final Did holder;
    private final String holderSigningKey;
    private final X25519Decrypter decrypter;
    private final List<byte[]> pieces = new ArrayList<>();
    private String streamId;
    private int received;
    private boolean lastReceived;
    private boolean done;
    private Map<String, String> receipt = Map.of();

    /** Opens the answer to request {@code requestId} from {@code holder}, whose ledger key is the signing key. */
    public ChunkOpener(String requestId, ReplyKey replyKey, Did holder, String holderSigningKey) {
        this.requestId = Objects.requireNonNull(requestId, "requestId");
        this.replyKey = Objects.requireNonNull(replyKey, "replyKey");
        this.holder = Objects.requireNonNull(holder, "holder");
        this.holderSigningKey = Objects.requireNonNull(holderSigningKey, "holderSigningKey");
        this.decrypter = replyKey.decrypter();
    }

    /** Opens a whole sealed response; the reply key is closed afterwards. */
    public static byte[] open(String requestId, ReplyKey replyKey, Did holder, String holderSigningKey,
            SealedResponse response) {
        try (ChunkOpener opener = new ChunkOpener(requestId, replyKey, holder, holderSigningKey)) {
            response.chunks().forEach(opener::accept);
            return opener.finish(response.manifest());
        }
    }

    /** Verifies the next chunk envelope and keeps its piece. */
    public void accept(String chunkEnvelope) {
        ensureOpen();
        try {
            if (lastReceived) {
                throw refused(ExchangeRefusal.AFTER_LAST, "a chunk arrived after the last one");
            }
            JWTClaimsSet claims = Envelopes.open(chunkEnvelope, CHUNK, decrypter, holderSigningKey);
            checkSameStream(claims);
            checkSequence(claims);
            byte[] piece = data(claims);
            lastReceived = booleanClaim(claims, LAST);
            pieces.add(piece);
            received++;
        } catch (ExchangeRefusedException e) {
            close();
            throw e;
        }
    }

    /** Verifies the manifest against the chunks received and returns the plaintext. */
    public byte[] finish(String manifestEnvelope) {
        ensureOpen();
        try {
            if (!lastReceived) {
                throw refused(ExchangeRefusal.TRUNCATED, "the stream ended before its last chunk");
            }
            JWTClaimsSet claims = Envelopes.open(manifestEnvelope, MANIFEST, decrypter, holderSigningKey);
            checkSameStream(claims);
            if (!holder.value().equals(claims.getIssuer())) {
                throw refused(ExchangeRefusal.SPLICED, "the manifest names another holder");
            }
            checkCount(longClaim(claims, COUNT));
            byte[] plaintext = concatenate();
            if (!MessageDigest.isEqual(ChunkSealer.sha256(plaintext), base64Url(claims, SHA256))) {
                Arrays.fill(plaintext, (byte) 0);
                throw refused(ExchangeRefusal.MANIFEST_MISMATCH, "the SHA-256 differs from the manifest's");
            }
            receipt = receiptOf(claims);
            close();
            return plaintext;
        } catch (ExchangeRefusedException e) {
            close();
            throw e;
        }
    }

    /** True once the chunk marked last arrived: the next envelope must be the manifest. */
    public boolean awaitsManifest() {
        return lastReceived && !done;
    }

    /** The number of chunks accepted so far. */
    public int received() {
        return received;
    }

    /** The manifest's receipt (ledger transaction, consent…), once {@link #finish} succeeded; empty before. */
    public Map<String, String> receipt() {
        return receipt;
    }

    private static Map<String, String> receiptOf(JWTClaimsSet claims) {
        Object value = claims.getClaim(RECEIPT);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw refused(ExchangeRefusal.MALFORMED, "the receipt is not an object");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key) || !(v instanceof String text)) {
                throw refused(ExchangeRefusal.MALFORMED, "the receipt holds text only");
            }
            copy.put(key, text);
        });
        return Map.copyOf(copy);
    }

    private void checkSameStream(JWTClaimsSet claims) {
        if (!requestId.equals(stringClaim(claims, REQUEST_ID))) {
            throw refused(ExchangeRefusal.SPLICED, "the envelope answers another request");
        }
        String sid = stringClaim(claims, STREAM_ID);
        if (streamId == null) {
            streamId = sid;
        } else if (!streamId.equals(sid)) {
            throw refused(ExchangeRefusal.SPLICED, "the envelope belongs to another response");
        }
    }

    private void checkSequence(JWTClaimsSet claims) {
        long seq = longClaim(claims, SEQUENCE);
        if (seq < received) {
            throw refused(ExchangeRefusal.DUPLICATE, "chunk " + seq + " arrived again");
        }
        if (seq > received) {
            throw refused(ExchangeRefusal.OUT_OF_ORDER, "chunk " + seq + " arrived before chunk " + received);
        }
    }

    private void checkCount(long count) {
        if (count > received) {
            throw refused(ExchangeRefusal.TRUNCATED, "the manifest counts " + count + " chunks, " + received
                    + " arrived");
        }
        if (count != received) {
            throw refused(ExchangeRefusal.MANIFEST_MISMATCH, "the manifest counts " + count + " chunks, "
                    + received + " arrived");
        }
    }

    private static byte[] data(JWTClaimsSet claims) {
        byte[] piece = base64Url(claims, DATA);
        if (piece.length > ChunkSealer.MAX_CHUNK_BYTES) {
            throw refused(ExchangeRefusal.MALFORMED, "a chunk holds more than 64 KiB");
        }
        return piece;
    }

    private byte[] concatenate() {
        int length = pieces.stream().mapToInt(piece -> piece.length).sum();
        byte[] whole = new byte[length];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, whole, at, piece.length);
            at += piece.length;
        }
        return whole;
    }

    private void ensureOpen() {
        if (done) {
            throw new IllegalStateException("this stream was already finished or refused");
        }
    }

    /** Wipes what was received and closes the reply key. */
    @Override
    public void close() {
        done = true;
        pieces.forEach(piece -> Arrays.fill(piece, (byte) 0));
        pieces.clear();
        replyKey.close();
    }

    private static String stringClaim(JWTClaimsSet claims, String name) {
        try {
            String value = claims.getStringClaim(name);
            if (value == null) {
                throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is missing");
            }
            return value;
        } catch (ParseException e) {
            throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is not a string");
        }
    }

    private static long longClaim(JWTClaimsSet claims, String name) {
        try {
            Long value = claims.getLongClaim(name);
            if (value == null || value < 0) {
                throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is missing or negative");
            }
            return value;
        } catch (ParseException e) {
            throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is not a number");
        }
    }

    private static boolean booleanClaim(JWTClaimsSet claims, String name) {
        try {
            Boolean value = claims.getBooleanClaim(name);
            if (value == null) {
                throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is missing");
            }
            return value;
        } catch (ParseException e) {
            throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is not a boolean");
        }
    }

    private static byte[] base64Url(JWTClaimsSet claims, String name) {
        String value = stringClaim(claims, name);
        // The JDK's decoder (an intrinsic) refuses anything outside the base64url alphabet; padding is not ours.
        if (value.indexOf('=') >= 0) {
            throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is not unpadded base64url");
        }
        try {
            return java.util.Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw refused(ExchangeRefusal.MALFORMED, "claim " + name + " is not base64url");
        }
    }

    private static ExchangeRefusedException refused(ExchangeRefusal reason, String message) {
        return new ExchangeRefusedException(reason, message);
    }
}
