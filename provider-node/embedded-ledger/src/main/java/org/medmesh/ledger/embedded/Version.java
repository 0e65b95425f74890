package org.medmesh.ledger.embedded;

/** The height at which a key was last written: Fabric's MVCC version (block number, transaction number). */
record Version(long blockNumber, int txNumber) {
    Version {
        if (blockNumber < 0 || txNumber < 0) {
            throw new IllegalArgumentException("version components must not be negative");
        }
    }
}
