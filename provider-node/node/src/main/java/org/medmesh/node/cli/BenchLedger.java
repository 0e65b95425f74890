package org.medmesh.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntConsumer;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.node.domain.ledger.TimeRange;

/**
 * The ledger benchmark: a warm-up and timed rounds of concurrent consent grants, access events recorded against
 * those consents, then single-threaded queries. Wallet signing happens before any timing starts.
 */
final class BenchLedger {
    private static final int PAGE = 20;

    /** What to run. */
    record Config(int grants, int threads, int rounds, int patients, int queries, int events) {}

    /** One timed submission run and the blocks it produced. */
    record Round(BenchLoad.Outcome outcome, long blocks) {
        double txPerBlock() {
            return blocks == 0 ? 0 : (outcome.count() - outcome.failed()) / (double) blocks;
        }
    }

    /** Everything measured. */
    record Result(Config config, double presignSeconds, Round warmUp, List<Round> rounds, Round accessEvents,
            BenchLoad.Outcome readConsent, BenchLoad.Outcome consentsByPatient, BenchLoad.Outcome accessByPatient,
            long height) {
        int failures() {
            int failed = warmUp.outcome().failed() + accessEvents.outcome().failed() + readConsent.failed()
                    + consentsByPatient.failed() + accessByPatient.failed();
            return failed + rounds.stream().mapToInt(r -> r.outcome().failed()).sum();
        }
    }

    private static final int WARM_UP_ROUNDS = 3;

    private final Config config;
    private final SecureRandom random = new SecureRandom();

    BenchLedger(Config config) {
        this.config = config;
    }

    Result run(Path dataDir) {
        BenchPatients patients = new BenchPatients(config.patients(), BenchSetup.CITY, BenchSetup.ST_MARYS, random);
        try (BenchSetup setup = BenchSetup.open(dataDir, patients, config.threads(), random)) {
            // The JIT keeps improving for several thousand grants on two cores: warm up with several rounds' worth.
            int warmUp = config.grants() * WARM_UP_ROUNDS;
            int total = warmUp + config.grants() * config.rounds();
            long signStart = System.nanoTime();
            List<SignedOperation> grants = patients.signedGrants(total).stream().map(SignedOperation::new).toList();
            double presignSeconds = (System.nanoTime() - signStart) / 1e9;
            ConsentId[] granted = new ConsentId[total];
            List<Round> rounds = new ArrayList<>();
            for (int round = 0; round <= config.rounds(); round++) {
                int offset = round == 0 ? 0 : warmUp + (round - 1) * config.grants();
                int count = round == 0 ? warmUp : config.grants();
                rounds.add(timed(setup, count, config.threads(), i -> granted[offset + i] =
                        setup.relay(offset + i).grantConsent(grants.get(offset + i)).id()));
            }
            Round access = timed(setup, config.events(), config.threads(),
                    i -> recordAccess(setup, patients, granted, i));
            return new Result(config, presignSeconds, rounds.get(0), rounds.subList(1, rounds.size()), access,
                    query(i -> require(setup.grantee().readConsent(pick(granted, i)).isPresent())),
                    query(i -> require(!setup.grantee().consentsByPatient(patients.patientOf(i % total),
                            PageRequest.first(PAGE)).items().isEmpty())),
                    query(i -> require(!setup.grantee().accessByPatient(
                            patients.patientOf(i % config.events() % total), TimeRange.all(), PageRequest.first(PAGE))
                            .items().isEmpty())),
                    setup.height());
        }
    }

    private static Round timed(BenchSetup setup, int count, int threads, IntConsumer operation) {
        long before = setup.height();
        BenchLoad.Outcome outcome = BenchLoad.run(count, threads, operation);
        return new Round(outcome, setup.height() - before);
    }

    /** City Hospital logs a release to St Mary's under consent {@code i} (patient {@code i mod patients}). */
    private static void recordAccess(BenchSetup setup, BenchPatients patients, ConsentId[] granted, int i) {
        int grant = i % granted.length;
        setup.holder().recordAccess(AccessEvent.permit(UUID.randomUUID().toString(), setup.grantee().organization(),
                setup.holder().organization(), patients.patientOf(grant), granted[grant], "TREAT", 1,
                BenchPatients.sha256("bench release " + i)));
    }

    /** Warms the path up untimed, then times {@code queries} calls on one thread. */
    private BenchLoad.Outcome query(IntConsumer call) {
        BenchLoad.run(Math.min(config.queries(), 500), 1, call);
        return BenchLoad.run(config.queries(), 1, call);
    }

    /** Spreads queries over every consent rather than re-reading a few hot ones. */
    private static ConsentId pick(ConsentId[] granted, int i) {
        return granted[(int) ((i * 7919L) % granted.length)];
    }

    private static void require(boolean found) {
        if (!found) {
            throw new IllegalStateException("query returned nothing");
        }
    }
}
