package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A signed transaction proposal: who (serialized identity), when (the time the client claims), what (function
 * and arguments). As in Fabric, the transaction id is the SHA-256 of nonce and creator, so a client cannot pick
 * another's id, and the creator signs every field.
 */
record Proposal(String txId, ByteString creator, Instant timestamp, String function, List<String> args,
        ByteString nonce, ByteString signature) {
    private static final int NONCE_BYTES = 24;

    Proposal {
        Objects.requireNonNull(txId, "txId");
        Objects.requireNonNull(creator, "creator");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(function, "function");
        args = List.copyOf(args);
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(signature, "signature");
    }

    static Proposal create(OrgIdentity identity, Instant timestamp, String function, List<String> args,
            SecureRandom random) {
        byte[] nonceBytes = new byte[NONCE_BYTES];
        random.nextBytes(nonceBytes);
        ByteString nonce = ByteString.copyFrom(nonceBytes);
        ByteString creator = identity.serialized();
        String txId = txIdOf(nonce, creator);
        Instant micros = timestamp.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        ByteString unsigned = signedBytes(txId, creator, micros, function, args, nonce);
        return new Proposal(txId, creator, micros, function, args, nonce, identity.sign(unsigned));
    }

    static String txIdOf(ByteString nonce, ByteString creator) {
        return HexFormat.of().formatHex(Hashes.sha256(nonce.concat(creator)).toByteArray());
    }

    /** The bytes the creator signed. */
    ByteString signedBytes() {
        return signedBytes(txId, creator, timestamp, function, args, nonce);
    }

    boolean hasConsistentTxId() {
        return txId.equals(txIdOf(nonce, creator));
    }

    private static ByteString signedBytes(String txId, ByteString creator, Instant timestamp, String function,
            List<String> args, ByteString nonce) {
        BinaryWriter out = new BinaryWriter();
        out.string(txId).bytes(creator).instant(timestamp).string(function).strings(args).bytes(nonce);
        return out.toByteString();
    }
}
