package org.medmesh.node.adapter.out.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.ledger.embedded.ChainVerifier;
import org.medmesh.ledger.embedded.JdbcBlockStore;
import org.medmesh.ledger.embedded.OrdererKey;
import org.medmesh.ledger.embedded.VerificationReport;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.config.LedgerSettings;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.patient.wallet.PatientIdentity;

/** Embedded only: restarts and tampering with the real chaincode's blocks on H2. */
class EmbeddedLedgerRestartIT {
    @TempDir
    Path dir;

    @Test
    void a_restarted_node_keeps_every_consent_and_resumes_events_from_its_checkpoint() throws Exception {
        Consent granted;
        long checkpoint;
        try (EmbeddedNetworkFixture fixture = EmbeddedNetworkFixture.onH2(dir)) {
            Suite suite = new Suite(fixture);
            suite.registerBoth();
            granted = fixture.holder.grantConsent(new SignedOperation(suite.grant(suite.registeredPatient())));
            checkpoint = fixture.ledger.height();
        }

        try (EmbeddedNetworkFixture reopened = EmbeddedNetworkFixture.onH2(dir)) {
            assertThat(reopened.requester.readConsent(granted.id()).orElseThrow().status())
                    .isEqualTo(ConsentStatus.ACTIVE);
            Suite suite = new Suite(reopened);
            List<LedgerEvent> events = new CopyOnWriteArrayList<>();
            try (LedgerClient.Subscription ignored = reopened.requester.subscribe(
                    org.medmesh.node.domain.ledger.EventCheckpoint.fromBlock(checkpoint), events::add)) {
                PatientIdentity patient = suite.registeredPatient();
                awaitEvents(events, 1);
                assertThat(events.get(0).blockNumber()).isEqualTo(checkpoint);
                assertThat(events.get(0).payloadJson()).contains(patient.did().value());
            }
        }
    }

    @Test
    void verification_names_the_block_whose_consent_was_edited_even_with_recomputed_hashes() throws Exception {
        LedgerSettings settings = LedgerSettings.embeddedDefaults(dir);
        long grantBlock;
        try (EmbeddedNetworkFixture fixture = EmbeddedNetworkFixture.onH2(dir)) {
            Suite suite = new Suite(fixture);
            suite.registerBoth();
            PatientIdentity patient = suite.registeredPatient();
            fixture.holder.grantConsent(new SignedOperation(suite.grant(patient)));
            grantBlock = fixture.ledger.height() - 1;
        }

        widenGrantee(settings, grantBlock);

        try (JdbcBlockStore store = JdbcBlockStore.open(settings.jdbcUrl(), settings.user(), settings.password())) {
            VerificationReport report = ChainVerifier.verify(store, OrdererKey.loadPublic(settings.ordererKeyDir()));
            assertThat(report.valid()).isFalse();
            assertThat(report.firstInvalidBlock()).isEqualTo(grantBlock);
        }
    }

    /** Rewrites "Observation" to "Medication" in the stored block and recomputes its data hash column. */
    private static void widenGrantee(LedgerSettings settings, long block) throws SQLException {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            byte[] data;
            try (PreparedStatement read = c.prepareStatement("SELECT data FROM ledger_block WHERE block_number = ?")) {
                read.setLong(1, block);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    data = rows.getBytes(1);
                }
            }
            byte[] edited = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1)
                    .replace("Observation", "Medication!").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            assertThat(edited).isNotEqualTo(data);
            try (PreparedStatement write = c.prepareStatement(
                    "UPDATE ledger_block SET data = ?, data_hash = ? WHERE block_number = ?")) {
                write.setBytes(1, edited);
                write.setBytes(2, java.security.MessageDigest.getInstance("SHA-256").digest(edited));
                write.setLong(3, block);
                write.executeUpdate();
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static void awaitEvents(List<LedgerEvent> events, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(events).hasSizeGreaterThanOrEqualTo(count);
    }

    /** Reuses the contract suite's fixtures (patients, grants) on a given fixture. */
    private static final class Suite extends EmbeddedNetworkContractTest {
        Suite(EmbeddedNetworkFixture fixture) {
            super(fixture);
        }

        void registerBoth() {
            registerBothOrganizations();
        }

        @Override
        public PatientIdentity registeredPatient() {
            return super.registeredPatient();
        }

        @Override
        public String grant(PatientIdentity patient) {
            return super.grant(patient);
        }
    }
}
