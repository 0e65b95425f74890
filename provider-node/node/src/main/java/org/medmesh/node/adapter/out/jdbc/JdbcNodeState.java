package org.medmesh.node.adapter.out.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.medmesh.node.application.port.AccessChallenges;
import org.medmesh.node.application.port.ConsentDocumentStore;
import org.medmesh.node.application.port.EmergencyReasons;
import org.medmesh.node.application.port.EnrolmentChallenges;
import org.medmesh.node.application.port.PatientLinks;
import org.medmesh.node.application.port.SeenNonces;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.consent.ConsentDocument;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.Did;

/**
 * The node's own state in the same database as its records (H2 or PostgreSQL), with its own Flyway history
 * ({@code node_schema_history}; migrations in {@code db/node/common}, and in {@code db/node/<vendor>} where the SQL
 * differs) and a small pool of its own: consent
 * documents, enrolment codes, the nonces of accepted exchange requests, the links from local Patients to their
 * DIDs at other hospitals, break-glass reasons, and patients' one-time access challenges.
 */
public final class JdbcNodeState implements ConsentDocumentStore, EnrolmentChallenges, SeenNonces, PatientLinks,
        EmergencyReasons, AccessChallenges, AutoCloseable {
    /** SQL:2003 "unique violation", as both H2 and PostgreSQL report it. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final HikariDataSource dataSource;

    private JdbcNodeState(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static JdbcNodeState open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("node-state");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setAutoCommit(true);
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            String vendor = jdbcUrl.startsWith("jdbc:postgresql:") ? "postgresql" : "h2";
            Flyway.configure().dataSource(dataSource)
                    .locations("classpath:db/node/common", "classpath:db/node/" + vendor)
                    .table("node_schema_history").baselineOnMigrate(true).baselineVersion("0").load().migrate();
            return new JdbcNodeState(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
    }

    @Override
    public void put(ConsentDocument document) {
        // Insert unless present: a document is immutable, and the same one may be delivered twice.
        String sql = "INSERT INTO consent_document (consent_id, patient_did, sha256, document, received_at) "
                + "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM consent_document WHERE consent_id = ?)";
        update(sql, document.id().value(), document.patient().value(), document.sha256(), document.bytes(),
                Timestamp.from(document.receivedAt()), document.id().value());
    }

    @Override
    public Optional<ConsentDocument> find(ConsentId id) {
        String sql = "SELECT patient_did, sha256, document, received_at FROM consent_document WHERE consent_id = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, id.value());
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new ConsentDocument(id, Did.parse(rows.getString(1)), rows.getString(2),
                        ConsentDocument.encode(rows.getBytes(3)), rows.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a consent document", e);
        }
    }

    @Override
    public void issue(String challengeSha256, String patientId, Instant expiresAt) {
        update("INSERT INTO enrolment_challenge (challenge_sha256, patient_id, expires_at) VALUES (?, ?, ?)",
                challengeSha256, patientId, Timestamp.from(expiresAt));
    }

    @Override
    public Optional<String> consume(String challengeSha256, Instant now) {
        // The conditional UPDATE is the single-use guarantee: of two concurrent attempts, one changes a row.
        int changed = update("UPDATE enrolment_challenge SET used_at = ? WHERE challenge_sha256 = ? "
                + "AND used_at IS NULL AND expires_at > ?", Timestamp.from(now), challengeSha256, Timestamp.from(now));
        if (changed == 0) {
            return Optional.empty();
        }
        return patientOf(challengeSha256);
    }

    @Override
    public boolean isOpen(String challengeSha256, Instant now) {
        String sql = "SELECT 1 FROM enrolment_challenge WHERE challenge_sha256 = ? AND used_at IS NULL "
                + "AND expires_at > ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, challengeSha256);
            statement.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read enrolment codes", e);
        }
    }

    @Override
    public boolean remember(String requester, String nonce, Instant expiresAt) {
        // No check-then-insert: the primary key decides, so of two concurrent deliveries one insert fails.
        String sql = "INSERT INTO exchange_nonce (requester, nonce, expires_at) VALUES (?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, requester);
            statement.setString(2, nonce);
            statement.setTimestamp(3, Timestamp.from(expiresAt));
            statement.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw new IllegalStateException("cannot record an exchange nonce", e);
        }
    }

    /** Forgets expired nonces, and with them expired or used patients' access challenges. */
    @Override
    public int forgetExpired(Instant now) {
        update("DELETE FROM access_challenge WHERE expires_at <= ? OR used_at IS NOT NULL", Timestamp.from(now));
        return update("DELETE FROM exchange_nonce WHERE expires_at <= ?", Timestamp.from(now));
    }

    @Override
    public void link(String patientId, Did holder, Did patientAtHolder, Instant linkedAt) {
        try {
            replaceLink(patientId, holder, patientAtHolder, linkedAt);
        } catch (IllegalStateException e) {
            // Two concurrent links for one patient and holder both found nothing to delete; the second insert hit
            // the primary key. Once more, now that the first is committed, replaces it.
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                throw e;
            }
            replaceLink(patientId, holder, patientAtHolder, linkedAt);
        }
    }

    private void replaceLink(String patientId, Did holder, Did patientAtHolder, Instant linkedAt) {
        // Replace in one transaction: a reader never sees the patient without a link to a holder it had.
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM patient_link WHERE patient_id = ? AND holder_did = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO patient_link "
                            + "(patient_id, holder_did, patient_did, linked_at) VALUES (?, ?, ?, ?)")) {
                delete.setString(1, patientId);
                delete.setString(2, holder.value());
                delete.executeUpdate();
                insert.setString(1, patientId);
                insert.setString(2, holder.value());
                insert.setString(3, patientAtHolder.value());
                insert.setTimestamp(4, Timestamp.from(linkedAt));
                insert.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record a patient link", e);
        }
    }

    @Override
    public List<Link> linksOf(String patientId) {
        String sql = "SELECT holder_did, patient_did, linked_at FROM patient_link WHERE patient_id = ? "
                + "ORDER BY holder_did";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, patientId);
            List<Link> links = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    links.add(new Link(patientId, Did.parse(rows.getString(1)), Did.parse(rows.getString(2)),
                            rows.getTimestamp(3).toInstant()));
                }
            }
            return links;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read patient links", e);
        }
    }

    @Override
    public void keep(String eventId, Did requester, Did patient, EmergencyAccess emergency, Instant recordedAt) {
        update("INSERT INTO break_glass_reason (event_id, requester, patient_did, reason_code, reason, declared_at, "
                + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)", eventId, requester.value(), patient.value(),
                emergency.reasonCode(), emergency.reason(), Timestamp.from(emergency.declaredAt()),
                Timestamp.from(recordedAt));
    }

    @Override
    public void issueFor(String patientDid, String challengeSha256, Instant expiresAt) {
        update("INSERT INTO access_challenge (challenge_sha256, patient_did, expires_at) VALUES (?, ?, ?)",
                challengeSha256, patientDid, Timestamp.from(expiresAt));
    }

    @Override
    public boolean consumeFor(String patientDid, String challengeSha256, Instant now) {
        // The conditional UPDATE is the single-use guarantee: of two concurrent attempts, one changes a row.
        return update("UPDATE access_challenge SET used_at = ? WHERE challenge_sha256 = ? AND patient_did = ? "
                + "AND used_at IS NULL AND expires_at > ?", Timestamp.from(now), challengeSha256, patientDid,
                Timestamp.from(now)) == 1;
    }

    private Optional<String> patientOf(String challengeSha256) {
        String sql = "SELECT patient_id FROM enrolment_challenge WHERE challenge_sha256 = ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, challengeSha256);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read enrolment codes", e);
        }
    }

    private int update(String sql, Object... values) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("the node's state store failed", e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
