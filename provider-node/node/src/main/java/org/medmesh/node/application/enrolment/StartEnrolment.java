package org.medmesh.node.application.enrolment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.fhirstore.JdbcResourceStore;
import org.medmesh.node.application.enrolment.EnrolmentException.Reason;
import org.medmesh.node.application.port.EnrolmentChallenges;
import org.medmesh.node.application.port.LedgerClient;

/** Issues a one-time code for linking an existing local Patient to the DID of the wallet that signs it. */
public final class StartEnrolment {
    static final Duration VALIDITY = Duration.ofMinutes(15);

    private final JdbcResourceStore store;
    private final EnrolmentChallenges challenges;
    private final LedgerClient ledger;
    private final Clock clock;
    private final SecureRandom random;

    public StartEnrolment(JdbcResourceStore store, EnrolmentChallenges challenges, LedgerClient ledger, Clock clock,
            SecureRandom random) {
        this.store = store;
        this.challenges = challenges;
        this.ledger = ledger;
        this.clock = clock;
        this.random = random;
    }

    public EnrolmentCode start(String patientId) {
        boolean exists = store.inTransaction(tx -> tx.read("Patient", patientId).filter(p -> !p.deleted()))
                .isPresent();
        if (!exists) {
            throw new EnrolmentException(Reason.UNKNOWN_PATIENT, "no such Patient at this hospital");
        }
        byte[] secret = new byte[24];
        random.nextBytes(secret);
        String code = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        EnrolmentCode issued = new EnrolmentCode(code, ledger.organization(), clock.instant().plus(VALIDITY));
        challenges.issue(Sha256.hex(code), patientId, issued.expiresAt());
        return issued;
    }
}
