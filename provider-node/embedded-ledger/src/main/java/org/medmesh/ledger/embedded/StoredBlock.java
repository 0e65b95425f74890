package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.Objects;

/**
 * A block as a store keeps it: header fields and the encoded data. Verification recomputes every hash from these,
 * so an edited row, even one whose hash columns were recomputed, is caught by the chain or the orderer signature.
 */
public record StoredBlock(long number, ByteString previousHash, ByteString dataHash, Instant time,
        ByteString signature, ByteString data) {
    public StoredBlock {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(dataHash, "dataHash");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(data, "data");
    }

    /** SHA-256 of number, previous hash, data hash and time: what the orderer signs and the next block links. */
    public ByteString headerHash() {
        return Hashes.sha256(new BinaryWriter().longInteger(number).bytes(previousHash).bytes(dataHash)
                .instant(time).toByteString());
    }
}
