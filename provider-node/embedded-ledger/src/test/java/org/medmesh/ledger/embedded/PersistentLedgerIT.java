package org.medmesh.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded ledger on real databases: restarts, tampering, several processes on one store, failed writes. */
class PersistentLedgerIT {
    private static final OrgCa HOSPITAL = OrgCa.generate("Hospital1MSP");
    private static final OrgIdentity NODE = HOSPITAL.issue("node1");

    @TempDir
    Path dir;

    private String url;
    private OrdererKey ordererKey;

    @BeforeEach
    void setUp() {
        url = "jdbc:h2:file:" + dir.resolve("ledger") + ";AUTO_SERVER=TRUE";
        ordererKey = OrdererKey.loadOrCreate(dir.resolve("keys"));
    }

    private EmbeddedLedger open(String jdbcUrl, String user) {
        return EmbeddedLedger.builder().chaincode(new KeyValueChaincode()).trust(HOSPITAL)
                .store(JdbcBlockStore.open(jdbcUrl, user, "")).ordererKey(ordererKey).build();
    }

    @Nested
    class Restart {
        @Test
        void keeps_committed_state_history_and_events_across_a_restart() {
            try (EmbeddedLedger ledger = open(url, "sa")) {
                ledger.submit(NODE, "put", "k", "1");
                ledger.submit(NODE, "put", "k", "2");
            }

            try (EmbeddedLedger reopened = open(url, "sa")) {
                List<ChaincodeEventRecord> events = new CopyOnWriteArrayList<>();
                reopened.subscribe(0, events::add);

                assertThat(reopened.height()).isEqualTo(2);
                assertThat(reopened.evaluate(NODE, "history", "k").payload()).isEqualTo("2,1,");
                EmbeddedLedgerTest.awaitSize(events, 2);
                assertThat(reopened.submit(NODE, "increment", "k").response().payload()).isEqualTo("3");
            }
        }

        @Test
        void reloads_the_orderer_key_from_its_files() {
            OrdererKey reloaded = OrdererKey.loadOrCreate(dir.resolve("keys"));
            try (EmbeddedLedger ledger = open(url, "sa")) {
                ledger.submit(NODE, "put", "k", "1");
            }
            try (JdbcBlockStore store = JdbcBlockStore.open(url, "sa", "")) {
                assertThat(ChainVerifier.verify(store, reloaded).valid()).isTrue();
                assertThat(ChainVerifier.verify(store, OrdererKey.loadPublic(dir.resolve("keys"))).valid()).isTrue();
            }
        }
    }

    @Nested
    class Tampering {
        @BeforeEach
        void commitThreeBlocks() {
            try (EmbeddedLedger ledger = open(url, "sa")) {
                ledger.submit(NODE, "put", "a", "1");
                ledger.submit(NODE, "put", "b", "2");
                ledger.submit(NODE, "put", "c", "3");
            }
        }

        @Test
        void names_the_block_whose_data_row_was_edited() throws SQLException {
            editData(1, false);

            VerificationReport report = verify();

            assertThat(report.valid()).isFalse();
            assertThat(report.firstInvalidBlock()).isEqualTo(1);
            assertThat(report.summary()).contains("block 1");
        }

        @Test
        void catches_an_edit_whose_hashes_were_recomputed() throws SQLException {
            editData(2, true);

            VerificationReport report = verify();

            assertThat(report.firstInvalidBlock()).isEqualTo(2);
            assertThat(report.problem()).contains("signature");
        }

        @Test
        void catches_a_deleted_block() throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "sa", "");
                    Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM ledger_block WHERE block_number = 1");
            }

            assertThat(verify().firstInvalidBlock()).isEqualTo(1);
        }

        @Test
        void refuses_to_start_on_an_altered_chain() throws SQLException {
            editData(1, true);

            assertThatThrownBy(() -> open(url, "sa")).isInstanceOf(LedgerException.class)
                    .extracting(e -> ((LedgerException) e).code()).isEqualTo(LedgerException.Code.CHAIN_INVALID);
        }

        @Test
        void reports_an_untouched_chain_as_verified() {
            assertThat(verify().valid()).isTrue();
            assertThat(verify().blocksChecked()).isEqualTo(3);
        }

        private VerificationReport verify() {
            try (JdbcBlockStore store = JdbcBlockStore.open(url, "sa", "")) {
                return ChainVerifier.verify(store, OrdererKey.loadPublic(dir.resolve("keys")));
            }
        }

        /** Flips a value in the block's data (the "put" value), optionally recomputing the data hash column. */
        private void editData(long block, boolean recomputeHash) throws SQLException {
            try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                byte[] data;
                try (PreparedStatement read = c.prepareStatement(
                        "SELECT data FROM ledger_block WHERE block_number = ?")) {
                    read.setLong(1, block);
                    try (ResultSet rows = read.executeQuery()) {
                        rows.next();
                        data = rows.getBytes(1);
                    }
                }
                data[data.length - 20] ^= 0x01;
                String sql = recomputeHash ? "UPDATE ledger_block SET data = ?, data_hash = ? WHERE block_number = ?"
                        : "UPDATE ledger_block SET data = ? WHERE block_number = ?";
                try (PreparedStatement write = c.prepareStatement(sql)) {
                    write.setBytes(1, data);
                    if (recomputeHash) {
                        write.setBytes(2, Hashes.sha256(com.google.protobuf.ByteString.copyFrom(data)).toByteArray());
                        write.setLong(3, block);
                    } else {
                        write.setLong(2, block);
                    }
                    write.executeUpdate();
                }
            }
        }
    }

    @Nested
    class SharedStore {
        @Test
        void two_ledgers_on_one_database_see_each_others_commits() {
            try (EmbeddedLedger first = open(url, "sa"); EmbeddedLedger second = open(url, "sa")) {
                first.submit(NODE, "put", "k", "from-first");
                SubmitResult result = second.submit(NODE, "increment", "n");
                first.submit(NODE, "increment", "n");

                assertThat(result.isValid()).isTrue();
                assertThat(second.evaluate(NODE, "get", "k").payload()).isEqualTo("from-first");
                assertThat(second.evaluate(NODE, "get", "n").payload()).isEqualTo("2");
                assertThat(first.height()).isEqualTo(3);
            }
        }

        @Test
        void delivers_events_committed_by_the_other_ledger() {
            try (EmbeddedLedger first = open(url, "sa"); EmbeddedLedger second = open(url, "sa")) {
                List<ChaincodeEventRecord> seen = new CopyOnWriteArrayList<>();
                second.subscribe(0, seen::add);

                first.submit(NODE, "put", "k", "v");

                EmbeddedLedgerTest.awaitSize(seen, 1);
                assertThat(seen.get(0).payload()).isEqualTo("k");
            }
        }
    }

    @Nested
    class OnPostgres {
        private String schema;
        private String pgUrl;

        @BeforeEach
        void createSchema() throws SQLException {
            schema = "ledger_it_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(Postgres.URL, Postgres.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            }
            pgUrl = Postgres.URL + "?currentSchema=" + schema;
        }

        @AfterEach
        void dropSchema() throws SQLException {
            try (Connection c = DriverManager.getConnection(Postgres.URL, Postgres.USER, "");
                    Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }

        @Test
        void keeps_committed_state_across_a_restart_on_postgresql() {
            try (EmbeddedLedger ledger = open(pgUrl, Postgres.USER)) {
                ledger.submit(NODE, "put", "k", "1");
            }
            try (EmbeddedLedger reopened = open(pgUrl, Postgres.USER)) {
                assertThat(reopened.evaluate(NODE, "get", "k").payload()).isEqualTo("1");
                assertThat(reopened.submit(NODE, "increment", "k").isValid()).isTrue();
            }
            try (JdbcBlockStore store = JdbcBlockStore.open(pgUrl, Postgres.USER, "")) {
                assertThat(ChainVerifier.verify(store, ordererKey).valid()).isTrue();
            }
        }
    }

    @Test
    void applies_nothing_when_the_block_cannot_be_stored() {
        FailingStore store = new FailingStore();
        try (EmbeddedLedger ledger = EmbeddedLedger.builder().chaincode(new KeyValueChaincode()).trust(HOSPITAL)
                .store(store).build()) {
            store.failing = true;
            assertThatThrownBy(() -> ledger.submit(NODE, "put", "k", "v")).isInstanceOf(LedgerException.class);
            assertThat(ledger.stateSnapshot()).isEmpty();

            store.failing = false;
            assertThat(ledger.submit(NODE, "put", "k", "v").isValid()).isTrue();
            assertThat(ledger.height()).isEqualTo(1);
        }
    }

    @Test
    void keeps_the_orderer_private_key_readable_by_its_owner_only() throws Exception {
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/orderer-key.pem")))
                .extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    /** A store whose disk "fails" on demand. */
    private static final class FailingStore implements BlockStore {
        private final InMemoryBlockStore delegate = new InMemoryBlockStore();
        volatile boolean failing;

        @Override
        public long height() {
            return delegate.height();
        }

        @Override
        public List<StoredBlock> read(long fromNumber, int maxCount) {
            return delegate.read(fromNumber, maxCount);
        }

        @Override
        public boolean append(StoredBlock block) {
            if (failing) {
                throw new LedgerException(LedgerException.Code.STORAGE, "disk full", null);
            }
            return delegate.append(block);
        }

        @Override
        public boolean isShared() {
            return false;
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
