package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;

/**
 * Blocks in a relational database (H2 by default, PostgreSQL in production), schema managed by Flyway. Appends
 * are single-row inserts keyed by block number, so two processes sharing the database cannot both commit a block
 * at the same height: the loser re-reads and revalidates.
 */
public final class JdbcBlockStore implements BlockStore {
    private static final String UNIQUE_VIOLATION = "23505";

    private final String url;
    private final String user;
    private final String password;
    // Two connections, so that endorsers checking the height never queue behind a block being written.
    private final Object writeLock = new Object();
    private final Object readLock = new Object();
    private Connection writer;
    private Connection reader;

    private JdbcBlockStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Connects, migrates the ledger tables (history table {@code ledger_schema_history}) and returns the store. */
    public static JdbcBlockStore open(String url, String user, String password) {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:db/ledger/" + vendor(url))
                .table("ledger_schema_history")
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
        return new JdbcBlockStore(url, user, password);
    }

    /** The migration folder for the database named in the URL: the SQL differs only in binary column types. */
    static String vendor(String url) {
        if (url.startsWith("jdbc:h2:")) {
            return "h2";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("the embedded ledger supports H2 and PostgreSQL JDBC URLs only");
    }

    @Override
    public long height() {
        synchronized (readLock) {
            return queryHeight();
        }
    }

    private long queryHeight() {
        try (PreparedStatement statement = reading().prepareStatement(
                "SELECT COALESCE(MAX(block_number) + 1, 0) FROM ledger_block");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw storage("cannot read the ledger height", e);
        }
    }

    @Override
    public List<StoredBlock> read(long fromNumber, int maxCount) {
        synchronized (readLock) {
            return queryBlocks(fromNumber, maxCount);
        }
    }

    private List<StoredBlock> queryBlocks(long fromNumber, int maxCount) {
        String sql = "SELECT block_number, previous_hash, data_hash, time_seconds, time_nanos, signature, data "
                + "FROM ledger_block WHERE block_number >= ? ORDER BY block_number LIMIT ?";
        try (PreparedStatement statement = reading().prepareStatement(sql)) {
            statement.setLong(1, fromNumber);
            statement.setInt(2, maxCount);
            List<StoredBlock> blocks = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    blocks.add(new StoredBlock(rows.getLong(1), bytes(rows, 2), bytes(rows, 3),
                            Instant.ofEpochSecond(rows.getLong(4), rows.getInt(5)), bytes(rows, 6), bytes(rows, 7)));
                }
            }
            return blocks;
        } catch (SQLException e) {
            throw storage("cannot read blocks", e);
        }
    }

    @Override
    public boolean append(StoredBlock block) {
        synchronized (writeLock) {
            return insert(block);
        }
    }

    private boolean insert(StoredBlock block) {
        String sql = "INSERT INTO ledger_block (block_number, previous_hash, data_hash, time_seconds, time_nanos, "
                + "signature, data) VALUES (?, ?, ?, ?, ?, ?, ?)";
        try (PreparedStatement statement = writing().prepareStatement(sql)) {
            statement.setLong(1, block.number());
            statement.setBytes(2, block.previousHash().toByteArray());
            statement.setBytes(3, block.dataHash().toByteArray());
            statement.setLong(4, block.time().getEpochSecond());
            statement.setInt(5, block.time().getNano());
            statement.setBytes(6, block.signature().toByteArray());
            statement.setBytes(7, block.data().toByteArray());
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw storage("cannot store block " + block.number(), e);
        }
    }

    @Override
    public boolean isShared() {
        return true;
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            writer = closeQuietly(writer);
        }
        synchronized (readLock) {
            reader = closeQuietly(reader);
        }
    }

    private Connection writing() throws SQLException {
        writer = open(writer);
        return writer;
    }

    private Connection reading() throws SQLException {
        reader = open(reader);
        return reader;
    }

    private Connection open(Connection current) throws SQLException {
        if (current != null && !current.isClosed()) {
            return current;
        }
        Connection connection = DriverManager.getConnection(url, user, password);
        connection.setAutoCommit(true);
        return connection;
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing is best effort: committed blocks are already durable
            }
        }
        return null;
    }

    private static ByteString bytes(ResultSet rows, int column) throws SQLException {
        return ByteString.copyFrom(rows.getBytes(column));
    }

    private static LedgerException storage(String message, SQLException e) {
        return new LedgerException(LedgerException.Code.STORAGE, message + " (SQLState " + e.getSQLState() + ")", e);
    }
}
