package org.medmesh.patient.wallet;

import java.time.Instant;
import java.util.Collections;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.medmesh.chaincode.identity.Did;

/**
 * Everything the wallet file holds, immutable: a change builds a new state, which becomes current only once it
 * is on disk.
 *
 * @param walletId a random id naming this wallet (not a DID: it never leaves the device)
 * @param createdAt when the wallet was created
 * @param hospitals per hospital organisation DID, what the wallet holds for it
 */
record WalletState(String walletId, Instant createdAt, Map<Did, HospitalEntry> hospitals) {

    private static final Comparator<Did> BY_VALUE = Comparator.comparing(Did::value);

    WalletState {
        Objects.requireNonNull(walletId, "walletId");
        Objects.requireNonNull(createdAt, "createdAt");
        TreeMap<Did, HospitalEntry> copy = new TreeMap<>(BY_VALUE);
        copy.putAll(hospitals);
        if (!copy.keySet().stream().allMatch(Did::isOrganization)) {
            throw new IllegalArgumentException("hospitals are keyed by organisation DIDs");
        }
        if (copy.values().stream().map(e -> e.identity().did()).distinct().count() != copy.size()) {
            throw new IllegalArgumentException("each hospital needs its own pairwise DID");
        }
        hospitals = Collections.unmodifiableSortedMap(copy);
    }

    static WalletState empty(String walletId, Instant createdAt) {
        return new WalletState(walletId, createdAt, Map.of());
    }

    Optional<HospitalEntry> entry(Did hospital) {
        return Optional.ofNullable(hospitals.get(hospital));
    }

    WalletState with(Did hospital, HospitalEntry entry) {
        TreeMap<Did, HospitalEntry> updated = new TreeMap<>(BY_VALUE);
        updated.putAll(hospitals);
        updated.put(hospital, entry);
        return new WalletState(walletId, createdAt, updated);
    }

    boolean usesPatientDid(Did did) {
        return hospitals.values().stream().anyMatch(e -> e.identity().did().equals(did));
    }
}
