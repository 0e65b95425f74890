package org.medmesh.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two operating-system processes share one ledger through its H2 database, as the demo's hospitals do. */
class CrossProcessLedgerIT {
    @TempDir
    Path dir;

    @Test
    void commits_from_another_process_reach_this_ledgers_state_and_event_subscribers() throws Exception {
        OrgCa ca = OrgCa.generate("Hospital1MSP");
        ca.save(dir.resolve("ca"));
        OrgCa.saveIdentity(ca.issue("node2"), dir.resolve("ca"), "node2");
        OrdererKey key = OrdererKey.loadOrCreate(dir.resolve("keys"));
        String url = "jdbc:h2:file:" + dir.resolve("ledger") + ";AUTO_SERVER=TRUE";
        try (EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(new KeyValueChaincode()).trust(ca)
                .store(JdbcBlockStore.open(url, "sa", "")).ordererKey(key).build()) {
            OrgIdentity node1 = ca.issue("node1");
            List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
            ledger.subscribe(0, events::add);
            ledger.submit(node1, "increment", "n");

            assertThat(runOtherProcess(url, "increment", "n")).isZero();
            assertThat(runOtherProcess(url, "put", "from-other", "yes")).isZero();

            assertThat(ledger.evaluate(node1, "get", "n").payload()).isEqualTo("2");
            assertThat(ledger.submit(node1, "increment", "n").response().payload()).isEqualTo("3");
            EmbeddedLedgerTest.awaitSize(events, 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (events.stream().noneMatch(e -> e.payload().equals("from-other")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(events).extracting(ChaincodeEventRecord::payload).contains("from-other");
            assertThat(ledger.height()).isEqualTo(4);
        }
    }

    private int runOtherProcess(String url, String... invocation) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), OtherProcess.class.getName(), dir.toString(), url));
        command.addAll(List.of(invocation));
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the other process did not finish");
        }
        return process.exitValue();
    }
}
