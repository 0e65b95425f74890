package org.medmesh.chaincode.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.support.JwsSigner;
import org.medmesh.chaincode.support.LedgerTest;
import org.medmesh.chaincode.support.TestPatient;
import org.medmesh.ledger.embedded.ChaincodeEventRecord;
import org.medmesh.ledger.embedded.SubmitResult;

/** The identity contract's patient transactions (authorised by signature) and DID resolution. */
class PatientIdentityTest extends LedgerTest {

    @Nested
    class RegisterPatient {

        @Test
        void registers_a_patient_relayed_by_any_organisation() {
            TestPatient patient = TestPatient.generate();
            submitOk(HOSPITAL2.node(), "identity:registerPatient", patient.createJws());
            assertThat(resolve(patient.didText()).at("/didDocument/id").textValue()).isEqualTo(patient.didText());
        }

        @Test
        void emits_did_registered() {
            TestPatient patient = TestPatient.generate();
            SubmitResult result = submit(HOSPITAL1.node(), "identity:registerPatient", patient.createJws());
            assertThat(eventOf(result.txId()).payload())
                    .isEqualTo("{\"did\":\"" + patient.didText() + "\",\"version\":1}");
        }

        @Test
        void refuses_a_did_not_derived_from_its_keys() {
            TestPatient patient = TestPatient.generate();
            ObjectNode payload = patient.createPayload().put("did", TestPatient.generate().didText());
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "identity:registerPatient", patient.sign(payload));
        }

        @Test
        void refuses_a_create_signed_by_another_key() {
            TestPatient patient = TestPatient.generate();
            String forged = JwsSigner.generate().sign(patient.signKid(), patient.createPayload());
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "identity:registerPatient", forged);
        }

        @Test
        void refuses_a_create_signed_with_the_recovery_key() {
            TestPatient patient = TestPatient.generate();
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "identity:registerPatient",
                    patient.signWithRecovery(patient.createPayload()));
        }

        @Test
        void refuses_a_second_registration() {
            TestPatient patient = registeredPatient();
            assertRefused(ErrorCode.DUPLICATE, HOSPITAL2.node(), "identity:registerPatient", patient.createJws());
        }

        @Test
        void refuses_a_payload_with_an_unknown_field() {
            TestPatient patient = TestPatient.generate();
            ObjectNode payload = patient.createPayload().put("name", "x");
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "identity:registerPatient", patient.sign(payload));
        }
    }

    @Nested
    class RotatePatientKeys {

        @Test
        void rotates_with_the_current_signing_key() {
            TestPatient patient = registeredPatient();
            TestPatient next = patient.rotated();
            submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys", patient.sign(patient.rotatePayload(next, 1)));
            JsonNode resolved = resolve(patient.didText());
            assertThat(resolved.at("/didDocument/verificationMethod/0/publicKeyJwk/x").textValue())
                    .isEqualTo(next.signingKey().encoded());
            assertThat(resolved.at("/didDocumentMetadata/versionId").textValue()).isEqualTo("2");
        }

        @Test
        void recovers_with_the_recovery_key() {
            TestPatient patient = registeredPatient();
            TestPatient next = patient.recovered();
            submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.signWithRecovery(patient.rotatePayload(next, 1)));
            assertThat(resolve(patient.didText()).at("/didDocument/verificationMethod/0/publicKeyJwk/x").textValue())
                    .isEqualTo(next.signingKey().encoded());
        }

        @Test
        void emits_did_rotated_with_the_new_version() {
            TestPatient patient = registeredPatient();
            SubmitResult result = submit(HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.rotated(), 1)));
            ChaincodeEventRecord event = eventOf(result.txId());
            assertThat(event.name()).isEqualTo("DidRotated");
            assertThat(event.payload()).contains("\"version\":2");
        }

        @Test
        void refuses_a_rotation_signed_by_a_key_rotated_out() {
            TestPatient patient = registeredPatient();
            TestPatient next = patient.rotated();
            submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys", patient.sign(patient.rotatePayload(next, 1)));
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.rotated(), 2)));
        }

        @Test
        void refuses_a_rotation_by_the_signing_key_that_replaces_the_recovery_key() {
            TestPatient patient = registeredPatient();
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.recovered(), 1)));
        }

        @Test
        void refuses_a_stale_previous_version() {
            TestPatient patient = registeredPatient();
            assertRefused(ErrorCode.STALE_VERSION, HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.rotated(), 2)));
        }

        @Test
        void refuses_a_replayed_rotation() {
            TestPatient patient = registeredPatient();
            String rotation = patient.signWithRecovery(patient.rotatePayload(patient, 1));
            submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys", rotation);
            assertRefused(ErrorCode.STALE_VERSION, HOSPITAL1.node(), "identity:rotatePatientKeys", rotation);
        }

        @Test
        void refuses_a_rotation_of_an_unknown_did() {
            TestPatient patient = TestPatient.generate();
            assertRefused(ErrorCode.UNKNOWN_DID, HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.rotated(), 1)));
        }

        @Test
        void refuses_a_rotation_of_a_deactivated_did() {
            TestPatient patient = registeredPatient();
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            assertRefused(ErrorCode.DEACTIVATED, HOSPITAL1.node(), "identity:rotatePatientKeys",
                    patient.sign(patient.rotatePayload(patient.rotated(), 2)));
        }
    }

    @Nested
    class Deactivate {

        @Test
        void deactivates_and_then_resolves_without_keys() {
            TestPatient patient = registeredPatient();
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            JsonNode resolved = resolve(patient.didText());
            assertThat(resolved.at("/didDocumentMetadata/deactivated").booleanValue()).isTrue();
            assertThat(resolved.get("didDocument").has("verificationMethod")).isFalse();
        }

        @Test
        void deactivates_with_the_recovery_key() {
            TestPatient patient = registeredPatient();
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.signWithRecovery(patient.deactivatePayload(1)));
            assertThat(resolve(patient.didText()).at("/didDocumentMetadata/deactivated").booleanValue()).isTrue();
        }

        @Test
        void emits_did_deactivated() {
            TestPatient patient = registeredPatient();
            SubmitResult result = submit(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            assertThat(eventOf(result.txId()).name()).isEqualTo("DidDeactivated");
        }

        @Test
        void refuses_a_second_deactivation() {
            TestPatient patient = registeredPatient();
            submitOk(HOSPITAL1.node(), "identity:deactivate", patient.sign(patient.deactivatePayload(1)));
            assertRefused(ErrorCode.DEACTIVATED, HOSPITAL1.node(), "identity:deactivate",
                    patient.sign(patient.deactivatePayload(2)));
        }

        @Test
        void refuses_a_deactivation_signed_by_another_key() {
            TestPatient patient = registeredPatient();
            String forged = JwsSigner.generate().sign(patient.signKid(), patient.deactivatePayload(1));
            assertRefused(ErrorCode.BAD_SIGNATURE, HOSPITAL1.node(), "identity:deactivate", forged);
        }

        @Test
        void refuses_a_stale_previous_version() {
            TestPatient patient = registeredPatient();
            assertRefused(ErrorCode.STALE_VERSION, HOSPITAL1.node(), "identity:deactivate",
                    patient.sign(patient.deactivatePayload(3)));
        }
    }

    @Nested
    class Resolve {

        @Test
        void resolves_a_patient_to_a_did_core_document() {
            TestPatient patient = registeredPatient();
            JsonNode doc = resolve(patient.didText()).get("didDocument");
            assertThat(doc.get("@context").toString())
                    .isEqualTo("[\"https://www.w3.org/ns/did/v1\",\"https://w3id.org/security/suites/jws-2020/v1\"]");
            assertThat(doc.at("/verificationMethod/0/type").textValue()).isEqualTo("JsonWebKey2020");
            assertThat(doc.at("/verificationMethod/0/publicKeyJwk").toString()).isEqualTo(
                    "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"" + patient.signingKey().encoded() + "\"}");
            assertThat(doc.at("/authentication/0").textValue()).isEqualTo(patient.signKid());
            assertThat(doc.at("/keyAgreement/0").textValue()).isEqualTo(patient.didText() + "#agree");
        }

        @Test
        void resolves_an_organisation_with_its_node_service() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            JsonNode service = resolve(HOSPITAL1.didText()).at("/didDocument/service/0");
            assertThat(service.get("id").textValue()).isEqualTo(HOSPITAL1.didText() + "#node");
            assertThat(service.get("type").textValue()).isEqualTo("MedMeshNode");
        }

        @Test
        void reports_creation_time_from_the_transaction() {
            TestPatient patient = TestPatient.generate();
            submitOkAt(T0.plusSeconds(5), HOSPITAL1.node(), "identity:registerPatient", patient.createJws());
            assertThat(resolve(patient.didText()).at("/didDocumentMetadata/created").textValue())
                    .isEqualTo("2026-03-01T10:00:05Z");
        }

        @Test
        void refuses_an_unknown_did() {
            assertEvaluationRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "identity:resolve",
                    TestPatient.generate().didText());
        }
    }

    @Nested
    class ResolveVersion {

        @Test
        void returns_the_keys_of_an_earlier_version() {
            TestPatient patient = registeredPatient();
            submitOk(HOSPITAL1.node(), "identity:rotatePatientKeys", patient.sign(patient.rotatePayload(patient.rotated(), 1)));
            JsonNode first = evaluateOk(HOSPITAL1.node(), "identity:resolveVersion", patient.didText(), "1");
            assertThat(first.at("/didDocument/verificationMethod/0/publicKeyJwk/x").textValue())
                    .isEqualTo(patient.signingKey().encoded());
        }

        @Test
        void refuses_a_version_that_never_existed() {
            TestPatient patient = registeredPatient();
            assertEvaluationRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "identity:resolveVersion",
                    patient.didText(), "2");
        }
    }
}
