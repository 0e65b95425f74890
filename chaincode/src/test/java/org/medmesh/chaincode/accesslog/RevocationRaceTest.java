package org.medmesh.chaincode.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.support.AccessEvents;
import org.medmesh.chaincode.support.Grants;
import org.medmesh.chaincode.support.LedgerTest;
import org.medmesh.chaincode.support.TestPatient;
import org.medmesh.ledger.embedded.SubmitResult;
import org.medmesh.ledger.embedded.TxValidationCode;

/** A permit endorsed while a revocation is in flight: whichever is ordered first decides. */
class RevocationRaceTest extends LedgerTest {

    @Override
    protected Duration batchTimeout() {
        // Long enough that both transactions land in one block, endorsed against the same state.
        return Duration.ofMillis(300);
    }

    @Test
    void a_revocation_ordered_first_invalidates_a_permit_endorsed_before_it_committed() throws Exception {
        registerOrganizations();
        TestPatient patient = registeredPatient();
        String consentId = granted(patient, Grants.grant(patient, Grants.permitTo(HOSPITAL2)));

        CompletableFuture<SubmitResult> revoke = ledger.submitAsync(T0, HOSPITAL1.node(), "consent:revoke",
                List.of(patient.sign(Grants.revocation(patient, consentId))));
        CompletableFuture<SubmitResult> permit = ledger.submitAsync(T0, HOSPITAL1.node(), "accesslog:record",
                List.of(CanonicalJson.write(AccessEvents.permit("e1", patient, consentId))));

        assertThat(revoke.get().code()).isEqualTo(TxValidationCode.VALID);
        assertThat(permit.get().code()).isEqualTo(TxValidationCode.MVCC_READ_CONFLICT);
        assertThat(ledger.stateSnapshot()).doesNotContainKey("access:e1");
    }
}
