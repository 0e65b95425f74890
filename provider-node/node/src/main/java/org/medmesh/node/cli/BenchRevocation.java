package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.medmesh.node.application.consent.ConsentCache;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.config.LedgerClients;
import org.medmesh.node.config.LedgerConfiguration;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.SignedOperation;

/**
 * {@code medmesh bench revocation [--nodes N] [--rounds N]}: how long a committed revocation takes to reach every
 * node's consent cache. Each node is what a node process opens — its own embedded ledger instance on one shared
 * H2 database, its own event subscription and {@link ConsentCache} — so events cross "processes" as between real
 * nodes (the shared store is polled). Per round: a grant, every cache holding it as active, a revocation relayed
 * by a rotating node; then the time from the revocation's commit until each cache serves it as revoked.
 */
final class BenchRevocation {
    private final PrintStream out;

    BenchRevocation(PrintStream out) {
        this.out = out;
    }

    int run(Options options) {
        int nodes = options.integer("nodes", 3);
        int rounds = options.integer("rounds", 50);
        if (nodes < 2 || rounds < 1) {
            throw new IllegalArgumentException("--nodes is 2 or more, --rounds 1 or more");
        }
        Path dir = temporaryDirectory();
        out.printf("MedMesh revocation propagation: %d nodes on one embedded ledger (H2 in %s), %d rounds; Java %s, "
                + "%d CPUs%n", nodes, dir, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<LedgerClient> clients = new ArrayList<>();
        List<ConsentCache> caches = new ArrayList<>();
        try {
            SecureRandom random = new SecureRandom();
            for (int i = 0; i < nodes; i++) {
                LedgerClient client = LedgerClients.open(LedgerConfiguration.fromProperties(msp(i), dir));
                clients.add(client);
                BenchPatients.registerOrganization(client, mspId(i), "http://127.0.0.1:" + (8081 + i), random);
            }
            BenchPatients patients = new BenchPatients(1, mspId(0), mspId(1), random);
            patients.register(1, i -> clients.get(0));
            clients.forEach(c -> caches.add(new ConsentCache(c)));
            long[][] nanos = measure(patients, clients, caches, rounds);
            report(nanos);
            return Arrays.stream(nanos).flatMapToLong(Arrays::stream).allMatch(n -> n < 1_000_000_000L)
                    ? Main.OK : Main.FAILED;
        } finally {
            caches.forEach(ConsentCache::close);
            clients.forEach(LedgerClient::close);
        }
    }

    private long[][] measure(BenchPatients patients, List<LedgerClient> clients, List<ConsentCache> caches,
            int rounds) {
        long[][] nanos = new long[caches.size()][rounds];
        Did patient = patients.patientOf(0);
        for (int round = 0; round < rounds; round++) {
            LedgerClient relay = clients.get(round % clients.size());
            Consent granted = relay.grantConsent(new SignedOperation(patients.signedGrant(round)));
            awaitEverywhere(caches, patient, granted, ConsentStatus.ACTIVE, null);
            relay.revokeConsent(new SignedOperation(patients.signedRevoke(round, granted.id().value())));
            long committed = System.nanoTime();
            long[] seen = awaitEverywhere(caches, patient, granted, ConsentStatus.REVOKED, committed);
            for (int node = 0; node < caches.size(); node++) {
                nanos[node][round] = seen[node];
            }
        }
        return nanos;
    }

    /** Polls every cache until each serves the consent with {@code status}; the nanoseconds each took. */
    private static long[] awaitEverywhere(List<ConsentCache> caches, Did patient, Consent consent,
            ConsentStatus status, Long since) {
        long[] seen = new long[caches.size()];
        Arrays.fill(seen, -1);
        long deadline = System.nanoTime() + 30_000_000_000L;
        int remaining = caches.size();
        while (remaining > 0) {
            for (int node = 0; node < caches.size(); node++) {
                if (seen[node] < 0 && caches.get(node).consentsOf(patient).stream()
                        .anyMatch(c -> c.id().equals(consent.id()) && c.status() == status)) {
                    seen[node] = since == null ? 0 : System.nanoTime() - since;
                    remaining--;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("a cache did not see the consent " + status + " within 30 s");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(200_000);
        }
        return seen;
    }

    private void report(long[][] nanos) {
        out.printf("%n%-13s %10s %10s %10s%n", "node", "median ms", "p95 ms", "max ms");
        long[] all = Arrays.stream(nanos).flatMapToLong(Arrays::stream).toArray();
        for (int node = 0; node < nanos.length; node++) {
            line(mspId(node), nanos[node]);
        }
        line("all", all);
        long within = Arrays.stream(all).filter(n -> n < 1_000_000_000L).count();
        out.printf("%d of %d cache updates within 1 s of the revocation's commit%n", within, all.length);
    }

    private void line(String label, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        BenchStats.Percentiles p = BenchStats.Percentiles.ofNanos(sorted);
        out.printf("%-13s %10.1f %10.1f %10.1f%n", label, p.medianMicros() / 1000, p.p95Micros() / 1000,
                sorted[sorted.length - 1] / 1e6);
    }

    private static Properties msp(int node) {
        Properties properties = new Properties();
        properties.setProperty("medmesh.ledger.msp-id", mspId(node));
        return properties;
    }

    private static String mspId(int node) {
        return "Hospital" + (node + 1) + "MSP";
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("medmesh-bench-revocation");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
