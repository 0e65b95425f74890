package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.util.List;

/**
 * Checks a stored chain end to end without trusting any stored hash: each block's data hash is recomputed from its
 * data, its header hash from its fields, its link to the previous header, and the orderer's signature over it.
 * Reports the first block that fails.
 */
public final class ChainVerifier {
    private static final int READ_BATCH = 256;

    private ChainVerifier() {}

    public static VerificationReport verify(BlockStore store, OrdererKey ordererKey) {
        ByteString previousHeader = Committer.genesisPreviousHash();
        long expected = 0;
        long height = store.height();
        while (expected < height) {
            List<StoredBlock> blocks = store.read(expected, READ_BATCH);
            if (blocks.isEmpty()) {
                return VerificationReport.invalid(expected, height, expected, "it is missing");
            }
            for (StoredBlock block : blocks) {
                String problem = problemWith(block, expected, previousHeader, ordererKey);
                if (problem != null) {
                    return VerificationReport.invalid(expected, height, expected, problem);
                }
                previousHeader = block.headerHash();
                expected++;
            }
        }
        return VerificationReport.valid(height);
    }

    private static String problemWith(StoredBlock block, long expected, ByteString previousHeader, OrdererKey key) {
        if (block.number() != expected) {
            return "block number " + block.number() + " where " + expected + " was expected";
        }
        if (!block.dataHash().equals(Hashes.sha256(block.data()))) {
            return "its data does not match its data hash";
        }
        if (!block.previousHash().equals(previousHeader)) {
            return "it does not link to the previous block's header";
        }
        if (!key.verify(block.headerHash(), block.signature())) {
            return "the orderer's signature does not match its header";
        }
        try {
            BlockCodec.decode(block);
        } catch (CorruptBlockException e) {
            return "its data cannot be decoded";
        }
        return null;
    }
}
