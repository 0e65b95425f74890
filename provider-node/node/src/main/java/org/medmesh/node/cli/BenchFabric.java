package org.medmesh.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.node.adapter.out.ledger.fabric.FabricDeadlines;
import org.medmesh.node.adapter.out.ledger.fabric.FabricLedgerClient;
import org.medmesh.node.adapter.out.ledger.fabric.FabricProfile;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.node.domain.ledger.SignedOperation;

/**
 * The Fabric benchmark: the same pre-signed kind of consent grant, and then reads of what was granted, through
 * the node's Fabric adapter, through the Fabric Gateway client used directly, and through the embedded ledger.
 * The modes take turns round by round (in a rotating order) so that they share the machine's noise.
 */
final class BenchFabric {
    static final String ADAPTER = "adapter";
    static final String DIRECT = "direct";
    static final String EMBEDDED = "embedded";

    /** What to run. */
    record Config(int grants, int threads, int rounds, int patients, int queries) {}

    /** Where a mode's operations go: one organisation's connection to a ledger. */
    interface Relay {
        void grant(String jws);

        void read(String consentId);
    }

    /** A way of reaching a ledger, its operations relayed by the two organisations in turn. */
    record Mode(String name, List<Relay> relays) {
        Relay relay(int index) {
            return relays.get(index % relays.size());
        }
    }

    /** A mode's measurements: its warm-up grants, then each timed round's grants and reads. */
    record Series(String name, BenchLoad.Outcome warmUp, List<BenchLoad.Outcome> grants,
            List<BenchLoad.Outcome> reads) {
        List<BenchLoad.Outcome> all() {
            List<BenchLoad.Outcome> all = new ArrayList<>(List.of(warmUp));
            all.addAll(grants);
            all.addAll(reads);
            return all;
        }
    }

    /** Everything measured; {@code series} in the order adapter, direct, embedded. */
    record Result(Config config, String holder, String grantee, double presignSeconds, List<Series> series) {
        int failures() {
            return series.stream().flatMap(s -> s.all().stream()).mapToInt(BenchLoad.Outcome::failed).sum();
        }
    }

    private final Config config;
    private final SecureRandom random = new SecureRandom();

    BenchFabric(Config config) {
        this.config = config;
    }

    /** Runs against the network of {@code holder} and {@code grantee}; the embedded ledger lives in {@code dir}. */
    Result run(FabricProfile holder, FabricProfile grantee, Path dir) {
        BenchPatients patients = new BenchPatients(config.patients(), holder.mspId(), grantee.mspId(), random);
        try (LedgerClient holderNode = FabricLedgerClient.connect(holder, FabricDeadlines.defaults());
                LedgerClient granteeNode = FabricLedgerClient.connect(grantee, FabricDeadlines.defaults());
                BenchGateway holderGateway = BenchGateway.connect(holder);
                BenchGateway granteeGateway = BenchGateway.connect(grantee);
                BenchSetup embedded = BenchSetup.open(dir, patients, config.threads(), random)) {
            BenchPatients.registerOrganization(holderNode, holder.mspId(), "http://127.0.0.1:8081", random);
            BenchPatients.registerOrganization(granteeNode, grantee.mspId(), "http://127.0.0.1:8082", random);
            patients.register(config.threads(), i -> i % 2 == 0 ? holderNode : granteeNode);
            List<Mode> modes = List.of(new Mode(ADAPTER, List.of(through(holderNode), through(granteeNode))),
                    new Mode(DIRECT, List.of(holderGateway, granteeGateway)),
                    new Mode(EMBEDDED, List.of(through(embedded.holder()), through(embedded.grantee()))));
            long signStart = System.nanoTime();
            List<String> grants = patients.signedGrants(config.grants() * (config.rounds() + 1) * modes.size());
            double presignSeconds = (System.nanoTime() - signStart) / 1e9;
            return new Result(config, holder.mspId(), grantee.mspId(), presignSeconds, measure(modes, grants));
        }
    }

    private List<Series> measure(List<Mode> modes, List<String> grants) {
        List<String> ids = grants.stream().map(jws -> ConsentGrant.parse(jws).id().value()).toList();
        List<List<BenchLoad.Outcome>> granted = new ArrayList<>();
        List<List<BenchLoad.Outcome>> read = new ArrayList<>();
        modes.forEach(m -> {
            granted.add(new ArrayList<>());
            read.add(new ArrayList<>());
        });
        for (int round = 0; round <= config.rounds(); round++) {
            for (int turn = 0; turn < modes.size(); turn++) {
                int m = (round + turn) % modes.size();
                Mode mode = modes.get(m);
                int base = (round * modes.size() + m) * config.grants();
                granted.get(m).add(BenchLoad.run(config.grants(), config.threads(),
                        i -> mode.relay(base + i).grant(grants.get(base + i))));
                read.get(m).add(BenchLoad.run(config.queries(), 1, i -> {
                    int grant = base + (int) ((i * 7919L) % config.grants());
                    mode.relay(grant).read(ids.get(grant)); // the peer that committed it
                }));
            }
        }
        // round 0 warmed each path up; its reads are not reported
        return IntStream.range(0, modes.size()).mapToObj(m -> new Series(modes.get(m).name(), granted.get(m).get(0),
                granted.get(m).subList(1, granted.get(m).size()), read.get(m).subList(1, read.get(m).size())))
                .toList();
    }

    /** The node's ledger port as a relay: what a node pays on top of the bare client is in here. */
    private static Relay through(LedgerClient client) {
        return new Relay() {
            @Override
            public void grant(String jws) {
                client.grantConsent(new SignedOperation(jws));
            }

            @Override
            public void read(String consentId) {
                if (client.readConsent(ConsentId.parse(consentId)).isEmpty()) {
                    throw new IllegalStateException("consent " + consentId + " not found");
                }
            }
        };
    }
}
