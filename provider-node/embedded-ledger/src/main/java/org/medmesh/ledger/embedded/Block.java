package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An ordered, validated block: its transactions with their validation codes, chained to its predecessor by hash
 * and signed by the orderer over its header hash.
 */
record Block(long number, ByteString previousHash, Instant time, List<Envelope> transactions,
        List<TxValidationCode> codes, ByteString signature) {
    Block {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(time, "time");
        transactions = List.copyOf(transactions);
        codes = List.copyOf(codes);
        Objects.requireNonNull(signature, "signature");
        if (transactions.size() != codes.size()) {
            throw new IllegalArgumentException("one validation code per transaction");
        }
    }
}
