package org.medmesh.node.application.identity;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import org.medmesh.ledger.embedded.ContractChaincode;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.OrgCa;
import org.medmesh.node.adapter.out.keys.SealedNodeKeys;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;

/**
 * Two hospitals on an in-memory embedded ledger, their sealed keys (cheap Argon2id) in a directory per node, and
 * a recording wrapper around a ledger client for the seams a real ledger cannot be made to show on demand.
 */
final class IdentityFixture implements AutoCloseable {
    static final URI ENDPOINT = URI.create("https://node.hospital1.example");
    private static final OrgCa HOSPITAL1 = OrgCa.generate("Hospital1MSP");
    private static final OrgCa HOSPITAL2 = OrgCa.generate("Hospital2MSP");
    private static final PassphraseSeal SEAL = new PassphraseSeal(new Argon2idParameters(1024, 1, 1));

    final EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(ContractChaincode.fromClasspath())
            .trust(HOSPITAL1).trust(HOSPITAL2).build();
    final LedgerClient hospital1 = new EmbeddedLedgerClient(ledger, HOSPITAL1.issue("node"));
    final LedgerClient hospital2 = new EmbeddedLedgerClient(ledger, HOSPITAL2.issue("node"));

    /** Hospital 1's keys in {@code dataDir}, opened as a node start opens them. */
    static SealedNodeKeys keys(Path dataDir) {
        return SealedNodeKeys.open(dataDir, () -> org.medmesh.consent.ledger.Did.forOrganization("Hospital1MSP"),
                Optional.of("passphrase"), SEAL, new SecureRandom());
    }

    @Override
    public void close() {
        ledger.close();
    }

    /**
     * A ledger client that records which methods were called, can replace any of them, and by default captures
     * the event handler instead of subscribing, so that a test delivers events itself.
     */
    static final class Recording implements InvocationHandler {
        final List<String> calls = new CopyOnWriteArrayList<>();
        final Map<String, Function<Object[], Object>> overrides = new ConcurrentHashMap<>();
        volatile Consumer<LedgerEvent> handler;
        private final LedgerClient delegate;

        Recording(LedgerClient delegate) {
            this.delegate = delegate;
            overrides.put("subscribe", args -> {
                @SuppressWarnings("unchecked")
                Consumer<LedgerEvent> captured = (Consumer<LedgerEvent>) args[1];
                handler = captured;
                return (LedgerClient.Subscription) () -> { };
            });
        }

        LedgerClient client() {
            return (LedgerClient) Proxy.newProxyInstance(LedgerClient.class.getClassLoader(),
                    new Class<?>[] {LedgerClient.class}, this);
        }

        long count(String method) {
            return calls.stream().filter(method::equals).count();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            calls.add(method.getName());
            Function<Object[], Object> override = overrides.get(method.getName());
            if (override != null) {
                return override.apply(args);
            }
            try {
                return method.invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
