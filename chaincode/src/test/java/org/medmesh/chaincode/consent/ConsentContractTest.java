package org.medmesh.chaincode.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.support.Grants;
import org.medmesh.chaincode.support.JwsSigner;
import org.medmesh.chaincode.support.LedgerTest;
import org.medmesh.chaincode.support.TestPatient;
import org.medmesh.ledger.embedded.ChaincodeEventRecord;
import org.medmesh.ledger.embedded.SubmitResult;

class ConsentContractTest extends LedgerTest {

    private TestPatient patient;

    @BeforeEach
    void registerParties() {
        registerOrganizations();
        patient = registeredPatient();
    }

    private ObjectNode grantToHospital2() {
        return Grants.grant(patient, Grants.permitTo(HOSPITAL2));
    }

    private JsonNode read(String consentId) {
        return evaluateOk(HOSPITAL1.node(), "consent:read", consentId);
    }

    private ObjectNode grantWithPeriod(String start, String end) {
        ObjectNode provision = Grants.permitTo(HOSPITAL2);
        ObjectNode period = provision.putObject("period");
        period.put("start", start);
        period.put("end", end);
        return Grants.grant(patient, provision);
    }

    private void rotatePatientKeys() {
        TestPatient next = patient.rotated();
        submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys", patient.sign(patient.rotatePayload(next, 1)));
        patient = next;
    }

    @Nested
    class Grant {

        @Test
        void records_an_active_consent_signed_by_the_patient() {
            JsonNode record = read(granted(patient, grantToHospital2()));
            assertThat(record.get("status").textValue()).isEqualTo("active");
            assertThat(record.get("effectiveStatus").textValue()).isEqualTo("active");
            assertThat(record.get("grantedAt").textValue()).isEqualTo(T0.toString());
        }

        @Test
        void derives_the_id_from_the_canonical_payload() {
            ObjectNode payload = grantToHospital2();
            assertThat(granted(patient, payload)).isEqualTo("c-" + Sha256.hex(CanonicalJson.write(payload)));
        }

        @Test
        void emits_consent_granted_with_the_grantees() {
            SubmitResult result = submit(HOSPITAL1.node(), "consent:grant", patient.sign(grantToHospital2()));
            ChaincodeEventRecord event = eventOf(result.txId());
            assertThat(event.name()).isEqualTo("ConsentGranted");
            assertThat(CanonicalJson.parse(event.payload()).get("grantees").toString())
                    .isEqualTo("[\"" + HOSPITAL2.didText() + "\"]");
        }

        @Test
        void refuses_a_grant_signed_by_another_key() {
            String forged = JwsSigner.generate().sign(patient.signKid(), grantToHospital2());
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "consent:grant", forged);
        }

        @Test
        void refuses_a_grant_signed_by_a_key_rotated_out() {
            TestPatient old = patient;
            rotatePatientKeys();
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "consent:grant", old.sign(grantToHospital2()));
        }

        @Test
        void refuses_a_grant_signed_with_the_recovery_key() {
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "consent:grant",
                    patient.signWithRecovery(grantToHospital2()));
        }

        @Test
        void refuses_a_grant_for_an_unknown_patient() {
            TestPatient stranger = TestPatient.generate();
            assertRefused(ErrorCode.UNKNOWN_DID, HOSPITAL1.node(), "consent:grant",
                    stranger.sign(Grants.grant(stranger, Grants.permitTo(HOSPITAL2))));
        }

        @Test
        void refuses_a_grant_by_a_deactivated_patient() {
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            assertRefused(ErrorCode.DEACTIVATED, HOSPITAL1.node(), "consent:grant", patient.sign(grantToHospital2()));
        }

        @Test
        void refuses_the_same_grant_twice() {
            granted(patient, grantToHospital2());
            assertRefused(ErrorCode.DUPLICATE, HOSPITAL1.node(), "consent:grant", patient.sign(grantToHospital2()));
        }

        @Test
        void refuses_the_same_grant_re_encoded() {
            granted(patient, grantToHospital2());
            String spaced = grantToHospital2().toPrettyString();
            String reencoded = patient.signingSigner().signRaw(
                    "{\"kid\":\"" + patient.signKid() + "\",\"alg\":\"EdDSA\"}", spaced);
            assertRefused(ErrorCode.DUPLICATE, HOSPITAL1.node(), "consent:grant", reencoded);
        }

        @Test
        void refuses_to_grant_a_revoked_grant_again() {
            String id = granted(patient, grantToHospital2());
            submitOk(HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, id)));
            assertRefused(ErrorCode.REVOKED, HOSPITAL1.node(), "consent:grant", patient.sign(grantToHospital2()));
        }

        @Test
        void refuses_a_consent_hash_that_is_not_lowercase_sha256_hex() {
            ObjectNode payload = grantToHospital2().put("consentHash", "ABC");
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "consent:grant", patient.sign(payload));
        }

        @Test
        void refuses_provisions_nested_deeper_than_one_level() {
            ObjectNode provision = Grants.permitTo(HOSPITAL2);
            provision.putArray("provisions").addObject().put("type", "deny")
                    .putArray("provisions").addObject().put("type", "permit");
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "consent:grant",
                    patient.sign(Grants.grant(patient, provision)));
        }

        @Test
        void refuses_a_grant_whose_kid_names_another_patient() {
            TestPatient other = registeredPatient();
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "consent:grant", other.sign(grantToHospital2()));
        }
    }

    @Nested
    class Revoke {

        @Test
        void revokes_an_active_consent() {
            String id = granted(patient, grantToHospital2());
            submitOkAt(T0.plusSeconds(60), HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, id)));
            JsonNode record = read(id);
            assertThat(record.get("effectiveStatus").textValue()).isEqualTo("revoked");
            assertThat(record.get("revokedAt").textValue()).isEqualTo(T0.plusSeconds(60).toString());
        }

        @Test
        void emits_consent_revoked() {
            String id = granted(patient, grantToHospital2());
            SubmitResult result = submit(HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, id)));
            assertThat(eventOf(result.txId()).name()).isEqualTo("ConsentRevoked");
        }

        @Test
        void revokes_with_the_key_current_after_a_rotation() {
            String id = granted(patient, grantToHospital2());
            rotatePatientKeys();
            submitOk(HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, id)));
            assertThat(read(id).get("status").textValue()).isEqualTo("revoked");
        }

        @Test
        void refuses_a_revocation_by_another_patient() {
            String id = granted(patient, grantToHospital2());
            TestPatient other = registeredPatient();
            assertRefused(ErrorCode.NOT_OWNER, HOSPITAL1.node(), "consent:revoke",
                    other.sign(Grants.revocation(other, id)));
        }

        @Test
        void refuses_a_revocation_signed_by_another_key() {
            String id = granted(patient, grantToHospital2());
            String forged = JwsSigner.generate().sign(patient.signKid(), Grants.revocation(patient, id));
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "consent:revoke", forged);
        }

        @Test
        void refuses_a_second_revocation() {
            String id = granted(patient, grantToHospital2());
            submitOk(HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, id)));
            assertRefused(ErrorCode.REVOKED, HOSPITAL1.node(), "consent:revoke",
                    patient.sign(Grants.revocation(patient, id).put("issuedAt", "2026-03-03T00:00:00Z")));
        }

        @Test
        void refuses_an_unknown_consent() {
            String unknown = "c-" + Sha256.hex("nothing");
            assertRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "consent:revoke",
                    patient.sign(Grants.revocation(patient, unknown)));
        }
    }

    @Nested
    class Read {

        @Test
        void reads_expired_after_the_period_end() {
            String id = granted(patient, grantWithPeriod("2026-01-01T00:00:00Z", "2026-06-01T00:00:00Z"));
            clock.set(Instant.parse("2026-06-01T00:00:01Z"));
            assertThat(read(id).get("effectiveStatus").textValue()).isEqualTo("expired");
        }

        @Test
        void reads_not_yet_valid_before_the_period_start() {
            String id = granted(patient, grantWithPeriod("2026-04-01T00:00:00Z", "2026-06-01T00:00:00Z"));
            assertThat(read(id).get("effectiveStatus").textValue()).isEqualTo("not-yet-valid");
        }

        @Test
        void reads_inactive_once_the_patient_is_deactivated() {
            String id = granted(patient, grantToHospital2());
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            assertThat(read(id).get("effectiveStatus").textValue()).isEqualTo("inactive");
        }

        @Test
        void keeps_a_consent_active_after_the_key_that_signed_it_is_rotated() {
            String id = granted(patient, grantToHospital2());
            rotatePatientKeys();
            assertThat(read(id).get("effectiveStatus").textValue()).isEqualTo("active");
        }

        @Test
        void returns_the_signed_grant_for_re_verification() {
            String jws = patient.sign(grantToHospital2());
            String id = submitOk(HOSPITAL1.node(), "consent:grant", jws).get("id").textValue();
            assertThat(read(id).get("grantJws").textValue()).isEqualTo(jws);
        }

        @Test
        void refuses_an_unknown_consent() {
            assertEvaluationRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "consent:read", "c-" + Sha256.hex("x"));
        }

        @Test
        void refuses_a_malformed_consent_id() {
            assertEvaluationRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "consent:read", "consent-1");
        }
    }

    @Nested
    class ListByPatient {

        @Test
        void lists_the_patients_consents_in_pages() {
            for (int i = 0; i < 3; i++) {
                granted(patient, Grants.grant(patient, Grants.permitTo(HOSPITAL2), "n" + i));
            }
            JsonNode first = evaluateOk(HOSPITAL1.node(), "consent:listByPatient", patient.didText(), "2", "");
            JsonNode second = evaluateOk(HOSPITAL1.node(), "consent:listByPatient", patient.didText(), "2",
                    first.get("bookmark").textValue());
            assertThat(first.get("records")).hasSize(2);
            assertThat(second.get("records")).hasSize(1);
        }

        @Test
        void does_not_list_another_patients_consents() {
            granted(patient, grantToHospital2());
            TestPatient other = registeredPatient();
            JsonNode page = evaluateOk(HOSPITAL1.node(), "consent:listByPatient", other.didText(), "10", "");
            assertThat(page.get("records")).isEmpty();
        }

        @Test
        void refuses_a_page_size_above_100() {
            assertEvaluationRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "consent:listByPatient",
                    patient.didText(), "101", "");
        }
    }

    @Nested
    class ListByGrantee {

        @Test
        void lists_consents_granted_to_the_organisation() {
            String id = granted(patient, grantToHospital2());
            JsonNode page = evaluateOk(HOSPITAL2.node(), "consent:listByGrantee", HOSPITAL2.didText(), "10", "");
            assertThat(page.at("/records/0/id").textValue()).isEqualTo(id);
        }

        @Test
        void does_not_list_consents_granted_to_others() {
            granted(patient, grantToHospital2());
            JsonNode page = evaluateOk(HOSPITAL1.node(), "consent:listByGrantee", HOSPITAL1.didText(), "10", "");
            assertThat(page.get("records")).isEmpty();
        }

        @Test
        void lists_an_opt_in_under_the_grantees_of_its_permit_exceptions() {
            ObjectNode optIn = CanonicalJson.object().put("type", "deny");
            optIn.putArray("provisions").add(Grants.permitTo(HOSPITAL2));
            String id = granted(patient, Grants.grant(patient, optIn));
            JsonNode page = evaluateOk(HOSPITAL2.node(), "consent:listByGrantee", HOSPITAL2.didText(), "10", "");
            assertThat(page.at("/records/0/id").textValue()).isEqualTo(id);
        }

        @Test
        void refuses_a_page_size_of_zero() {
            assertEvaluationRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "consent:listByGrantee",
                    HOSPITAL2.didText(), "0", "");
        }
    }
}
