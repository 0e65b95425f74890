package org.medmesh.chaincode.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.ledger.embedded.ChaincodeEventRecord;
import org.medmesh.ledger.embedded.ChaincodeResponse;
import org.medmesh.ledger.embedded.ContractChaincode;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.EventSubscription;
import org.medmesh.ledger.embedded.OrgIdentity;
import org.medmesh.ledger.embedded.SubmitResult;
import org.medmesh.ledger.embedded.TxValidationCode;

/**
 * Base of the contract tests: the real contracts on a fresh embedded ledger per test, two hospitals whose CAs
 * it trusts (created once per JVM: key generation is the slow part), a hand-set clock, and the events.
 */
public abstract class LedgerTest {

    protected static final TestOrganization HOSPITAL1 = TestOrganization.generate("Hospital1MSP");
    protected static final TestOrganization HOSPITAL2 = TestOrganization.generate("Hospital2MSP");
    protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Held strongly: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger FABRIC_LOGGER = Logger.getLogger("org.hyperledger");

    protected final SettableClock clock = new SettableClock(T0);
    protected EmbeddedLedger ledger;
    private final BlockingQueue<ChaincodeEventRecord> events = new LinkedBlockingQueue<>();
    private EventSubscription subscription;

    @BeforeEach
    void startLedger() {
        ledger = EmbeddedLedger.builder()
                .chaincode(ContractChaincode.fromClasspath())
                .trust(HOSPITAL1.ca())
                .trust(HOSPITAL2.ca())
                .clock(clock)
                .batchTimeout(batchTimeout())
                .build();
        subscription = ledger.subscribe(0, events::add);
        // The shim logs every refusal at SEVERE with a stack trace; tests assert refusals instead.
        FABRIC_LOGGER.setLevel(Level.OFF);
    }

    /** How long the orderer waits to fill a block; tests of concurrent transactions make it longer. */
    protected Duration batchTimeout() {
        return Duration.ZERO;
    }

    @AfterEach
    void stopLedger() {
        subscription.close();
        ledger.close();
    }

    protected SubmitResult submit(OrgIdentity who, String function, String... args) {
        return ledger.submit(who, function, args);
    }

    /** Submits, requires a valid commit and returns the transaction's JSON result. */
    protected JsonNode submitOk(OrgIdentity who, String function, String... args) {
        return committed(ledger.submit(who, function, args));
    }

    protected JsonNode submitOkAt(Instant time, OrgIdentity who, String function, String... args) {
        return committed(ledger.submitAt(time, who, function, args));
    }

    /** Submits, requires the chaincode to refuse with {@code code}, and requires the world state unchanged. */
    protected void assertRefused(ErrorCode code, OrgIdentity who, String function, String... args) {
        assertRefusedAt(clock.instant(), code, who, function, args);
    }

    protected void assertRefusedAt(Instant time, ErrorCode code, OrgIdentity who, String function, String... args) {
        Map<String, String> before = ledger.stateSnapshot();
        SubmitResult result = ledger.submitAt(time, who, function, args);
        assertThat(result.code()).as(result.response().message()).isEqualTo(TxValidationCode.ENDORSEMENT_FAILURE);
        assertThat(result.response().payload()).as(result.response().message()).isEqualTo(code.name());
        assertThat(ledger.stateSnapshot()).isEqualTo(before);
    }

    protected JsonNode evaluateOk(OrgIdentity who, String function, String... args) {
        ChaincodeResponse response = ledger.evaluate(who, function, args);
        assertThat(response.isSuccess()).as(response.message()).isTrue();
        return CanonicalJson.parse(response.payload());
    }

    protected void assertEvaluationRefused(ErrorCode code, OrgIdentity who, String function, String... args) {
        ChaincodeResponse response = ledger.evaluate(who, function, args);
        assertThat(response.isSuccess()).isFalse();
        assertThat(response.payload()).as(response.message()).isEqualTo(code.name());
    }

    /** The one event of the committed transaction {@code txId}. */
    protected ChaincodeEventRecord eventOf(String txId) {
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                ChaincodeEventRecord event = events.poll(100, TimeUnit.MILLISECONDS);
                if (event != null && event.txId().equals(txId)) {
                    return event;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("no event for transaction " + txId);
    }

    protected void registerOrganizations() {
        submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
        submitOk(HOSPITAL2.node(), "identity:registerOrganization", HOSPITAL2.registrationJson());
    }

    /** Resolves a DID through the identity contract. */
    protected JsonNode resolve(String did) {
        return evaluateOk(HOSPITAL1.node(), "identity:resolve", did);
    }

    /** Submits a consent grant signed by the patient; returns the consent id. */
    protected String granted(TestPatient patient, JsonNode grantPayload) {
        return submitOk(HOSPITAL1.node(), "consent:grant", patient.sign(grantPayload)).get("id").textValue();
    }

    /** Registers a fresh patient, relayed by hospital 1. */
    protected TestPatient registeredPatient() {
        TestPatient patient = TestPatient.generate();
        submitOk(HOSPITAL1.node(), "identity:registerPatient", patient.createJws());
        return patient;
    }

    private static JsonNode committed(SubmitResult result) {
        assertThat(result.code()).as(result.response().message() + " " + result.response().payload())
                .isEqualTo(TxValidationCode.VALID);
        return CanonicalJson.parse(result.response().payload());
    }
}
