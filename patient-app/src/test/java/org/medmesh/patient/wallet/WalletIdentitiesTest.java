package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.medmesh.patient.wallet.TestWallets.CITY;
import static org.medmesh.patient.wallet.TestWallets.NOW;
import static org.medmesh.patient.wallet.TestWallets.RIVER;
import static org.medmesh.patient.wallet.TestWallets.assertCode;
import static org.medmesh.patient.wallet.TestWallets.fastSettings;
import static org.medmesh.patient.wallet.TestWallets.passphrase;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.PatientOperation;
import org.medmesh.chaincode.identity.ServiceEndpoint;
import org.medmesh.chaincode.json.CanonicalJson;

/** What the wallet holds per hospital, and that it survives closing and reopening. */
class WalletIdentitiesTest {

    @TempDir
    Path dir;

    private Path file;
    private Wallet wallet;

    @BeforeEach
    void createWallet() {
        file = dir.resolve("wallet.json");
        wallet = Wallet.create(file, passphrase(), fastSettings());
    }

    @AfterEach
    void closeWallet() {
        wallet.close();
    }

    private Wallet reopened() {
        wallet.close();
        wallet = Wallet.open(file, passphrase(), fastSettings());
        return wallet;
    }

    @Nested
    class IdentityFor {

        @Test
        void gives_each_hospital_its_own_did() {
            PatientIdentity city = wallet.identityFor(CITY);
            PatientIdentity river = wallet.identityFor(RIVER);

            assertThat(city.did()).isNotEqualTo(river.did());
            assertThat(city.publicKeys()).isNotEqualTo(river.publicKeys());
        }

        @Test
        void returns_the_same_identity_on_later_calls_and_after_reopening() {
            PatientIdentity first = wallet.identityFor(CITY);

            PatientIdentity later = reopened().identityFor(CITY);

            assertThat(later.did()).isEqualTo(first.did());
            assertThat(later.publicKeys()).isEqualTo(first.publicKeys());
            assertThat(PatientOperation.parse(later.signedCreate(), PatientOperation.Op.CREATE).jws()
                    .verifiedBy(first.publicKeys().signingKey())).isTrue();
        }

        @Test
        void refuses_a_did_that_is_not_an_organisation() {
            Did patient = wallet.identityFor(CITY).did();

            assertThatIllegalArgumentException().isThrownBy(() -> wallet.identityFor(patient));
        }

        @Test
        void reports_operations_on_an_unknown_hospital() {
            assertCode(() -> wallet.markRegistered(RIVER), WalletException.Code.UNKNOWN_HOSPITAL);
        }

        @Test
        void remembers_registration() {
            wallet.identityFor(CITY);

            wallet.markRegistered(CITY);

            assertThat(reopened().isRegistered(CITY)).isTrue();
        }

        @Test
        void never_prints_keys() {
            PatientIdentity identity = wallet.identityFor(CITY);
            String privateKey = identity.keyRing().privateJson().get("signing").asText();

            assertThat(wallet.toString()).doesNotContain(privateKey).contains("1 hospitals");
            assertThat(identity.toString()).doesNotContain(privateKey);
        }
    }

    @Nested
    class Rotation {

        @BeforeEach
        void registered() {
            wallet.identityFor(CITY);
            wallet.markRegistered(CITY);
        }

        @Test
        void keeps_the_signed_rotation_and_its_keys_across_a_reopen() {
            PatientIdentity before = wallet.identityFor(CITY);
            String operation = wallet.beginRotation(CITY, false);

            PatientIdentity.Rotation pending = reopened().pendingRotation(CITY).orElseThrow();

            assertThat(pending.signedOperation()).isEqualTo(operation);
            assertThat(CompactJws.parse(operation).verifiedBy(before.publicKeys().signingKey())).isTrue();
            assertThat(CompactJws.parse(operation).payload().get("signingKey").asText())
                    .isEqualTo(pending.next().publicKeys().signingKey().encoded());
        }

        @Test
        void completing_makes_the_pending_keys_current() {
            wallet.beginRotation(CITY, false);
            PatientIdentity next = wallet.pendingRotation(CITY).orElseThrow().next();

            wallet.completeRotation(CITY);

            PatientIdentity current = reopened().identityFor(CITY);
            assertThat(current.version()).isEqualTo(2);
            assertThat(current.publicKeys()).isEqualTo(next.publicKeys());
            assertThat(wallet.pendingRotation(CITY)).isEmpty();
        }

        @Test
        void recovery_rotation_is_signed_by_the_recovery_key_and_replaces_it() {
            PatientIdentity before = wallet.identityFor(CITY);

            String operation = wallet.beginRotation(CITY, true);

            assertThat(CompactJws.parse(operation).verifiedBy(before.publicKeys().recoveryKey())).isTrue();
            assertThat(wallet.completeRotation(CITY).publicKeys().recoveryKey())
                    .isNotEqualTo(before.publicKeys().recoveryKey());
        }

        @Test
        void abandoning_keeps_the_current_keys() {
            PatientIdentity before = wallet.identityFor(CITY);
            wallet.beginRotation(CITY, false);

            wallet.abandonRotation(CITY);

            assertThat(reopened().identityFor(CITY).publicKeys()).isEqualTo(before.publicKeys());
            assertThat(wallet.pendingRotation(CITY)).isEmpty();
        }

        @Test
        void refuses_a_second_rotation_while_one_is_pending() {
            wallet.beginRotation(CITY, false);

            assertCode(() -> wallet.beginRotation(CITY, false), WalletException.Code.ROTATION_PENDING);
        }

        @Test
        void refuses_to_complete_a_rotation_never_begun() {
            assertCode(() -> wallet.completeRotation(CITY), WalletException.Code.NO_PENDING_ROTATION);
        }

        @Test
        void refuses_to_rotate_an_identity_not_on_the_ledger() {
            wallet.identityFor(RIVER);

            assertCode(() -> wallet.beginRotation(RIVER, false), WalletException.Code.NOT_REGISTERED);
        }
    }

    @Nested
    class EnrolmentAndConsents {

        private final ServiceEndpoint endpoint = ServiceEndpoint.parse("https://city.example/medmesh");

        @Test
        void remembers_the_enrolment_with_its_endpoint_and_time() {
            wallet.identityFor(CITY);

            wallet.recordEnrolment(CITY, endpoint, true);

            assertThat(reopened().enrolment(CITY)).contains(new Enrolment(true, endpoint, NOW));
        }

        @Test
        void remembers_signed_consents_and_their_last_seen_status() {
            PatientIdentity identity = wallet.identityFor(CITY);
            SignedConsent consent = consent(identity);
            wallet.recordConsent(CITY, consent);

            wallet.recordConsentStatus(CITY, consent.consentId(), EffectiveStatus.REVOKED);

            assertThat(reopened().consents(CITY)).containsExactly(consent.withStatus(EffectiveStatus.REVOKED));
        }

        @Test
        void reports_a_status_for_an_unknown_consent() {
            PatientIdentity identity = wallet.identityFor(CITY);

            assertCode(() -> wallet.recordConsentStatus(CITY, consent(identity).consentId(), EffectiveStatus.REVOKED),
                    WalletException.Code.UNKNOWN_CONSENT);
        }

        @Test
        void never_prints_the_fhir_consent() {
            SignedConsent consent = consent(wallet.identityFor(CITY));

            assertThat(consent.toString()).doesNotContain("Jane").contains("active");
        }

        private SignedConsent consent(PatientIdentity identity) {
            String grant = identity.signedRevoke("c-" + "0".repeat(64), NOW); // any signed JWS will do here
            ConsentId id = ConsentId.of(CompactJws.parse(grant).payload());
            String fhir = CanonicalJson.write(CanonicalJson.object().put("resourceType", "Consent")
                    .put("note", "Jane"));
            return new SignedConsent(id, grant, fhir, EffectiveStatus.ACTIVE);
        }
    }
}
