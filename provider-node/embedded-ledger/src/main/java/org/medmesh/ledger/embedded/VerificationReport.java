package org.medmesh.ledger.embedded;

/**
 * The result of verifying a chain: how many blocks were checked and, if one failed, which one and why.
 * {@code firstInvalidBlock} is -1 when the whole chain verified.
 */
public record VerificationReport(boolean valid, long blocksChecked, long height, long firstInvalidBlock,
        String problem) {
    static VerificationReport valid(long height) {
        return new VerificationReport(true, height, height, -1, "");
    }

    static VerificationReport invalid(long checked, long height, long block, String problem) {
        return new VerificationReport(false, checked, height, block, problem);
    }

    /** One line for people: what was checked and the verdict. */
    public String summary() {
        return valid ? "ledger verified: " + height + " blocks, hashes, links and orderer signatures intact"
                : "ledger ALTERED: block " + firstInvalidBlock + " fails verification (" + problem + "); "
                        + blocksChecked + " blocks before it verified";
    }
}
