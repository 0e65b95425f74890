package org.medmesh.patient.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ComposedConsent;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentComposer;
import org.medmesh.patient.wallet.PatientIdentity;

/** The HTTP client against an in-process node that answers per the contract. */
class HttpNodeClientTest extends FakeNodeClientTest {

    private ComposedConsent granted() {
        ComposedConsent consent = ConsentComposer.compose(ConsentChoices.forTreatment(List.of(RIVER), node.did()),
                registered(patient), NOW);
        client.submitGrant(node.url(), consent.grantJws(), consent.documentBytes());
        return consent;
    }

    @Nested
    class Identity {

        @Test
        void reads_the_hospitals_did_endpoint_and_name() {
            NodeIdentity identity = client.identity(node.url());

            assertThat(identity.did()).isEqualTo(node.did());
            assertThat(identity.serviceEndpoint().url()).isEqualTo(node.url().toString());
            assertThat(identity.label()).isEqualTo("City Hospital");
        }

        @Test
        void speaks_http_1_1() {
            client.identity(node.url());

            assertThat(node.requests()).singleElement().extracting(FakeNode.Request::protocol).isEqualTo("HTTP/1.1");
        }

        @Test
        void accepts_a_node_address_with_a_trailing_slash() {
            client.identity(URI.create(node.url() + "/"));

            assertThat(node.requests()).singleElement().extracting(FakeNode.Request::path).isEqualTo("/identity");
        }

        @Test
        void labels_a_node_without_a_name_by_its_did_and_ignores_unknown_fields() {
            node.script("GET /identity", FakeNode.raw(200, "application/json",
                    "{\"did\":\"did:medmesh:org:CityHospitalMSP\",\"serviceEndpoint\":\"http://x.test\",\"extra\":1}"));

            assertThat(client.identity(node.url()).label()).isEqualTo("did:medmesh:org:CityHospitalMSP");
        }

        @Test
        void refuses_an_answer_naming_a_patient_instead_of_an_organisation() {
            node.script("GET /identity", FakeNode.raw(200, "application/json",
                    "{\"did\":\"" + patient.did().value() + "\",\"serviceEndpoint\":\"http://x.test\"}"));

            assertThat(failure(() -> client.identity(node.url())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_a_node_address_that_is_not_http() {
            assertThatIllegalArgumentException().isThrownBy(() -> client.identity(URI.create("ftp://host/")));
        }
    }

    @Nested
    class RegisterPatient {

        @Test
        void posts_the_signed_create_as_the_operation() {
            PatientDidCommit commit = client.registerPatient(node.url(), patient.signedCreate());

            FakeNode.Request request = node.requests("POST /relay/patients").get(0);
            assertThat(request.contentType()).isEqualTo("application/json");
            assertThat(request.body().properties()).extracting(e -> e.getKey()).containsExactly("operation");
            assertThat(request.body().get("operation").textValue()).isEqualTo(patient.signedCreate());
            assertThat(commit.did()).isEqualTo(patient.did());
            assertThat(commit.version()).isEqualTo(1);
            assertThat(node.patientKeys(patient.did())).contains(patient.publicKeys());
        }

        @Test
        void reports_the_problems_status_code_and_detail() {
            registered(patient);

            NodeException e = failure(() -> client.registerPatient(node.url(), patient.signedCreate()));

            assertThat(e.reason()).isEqualTo(NodeException.Reason.REFUSED);
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.problemCode()).contains("DUPLICATE");
            assertThat(e.detail()).contains("DID is already registered");
            assertThat(e.isRefusal("DUPLICATE")).isTrue();
        }
    }

    @Nested
    class RotatePatientKeys {

        @Test
        void posts_the_rotation_and_returns_the_next_version() {
            registered(patient);
            PatientIdentity.Rotation rotation = patient.rotate(new SecureRandom(), false);

            PatientDidCommit commit = client.rotatePatientKeys(node.url(), rotation.signedOperation());

            assertThat(commit.version()).isEqualTo(2);
            assertThat(node.patientKeys(patient.did())).contains(rotation.next().publicKeys());
            assertThat(node.requests("POST /relay/patients/rotations").get(0).body().get("operation").textValue())
                    .isEqualTo(rotation.signedOperation());
        }

        @Test
        void reports_a_rotation_the_ledger_already_has_as_a_refusal() {
            registered(patient);
            String rotation = patient.rotate(new SecureRandom(), false).signedOperation();
            client.rotatePatientKeys(node.url(), rotation);

            NodeException e = failure(() -> client.rotatePatientKeys(node.url(), rotation));

            assertThat(e.isRefusal()).isTrue();
            assertThat(e.problemCode()).hasValueSatisfying(c -> assertThat(c).isIn("BAD_SIGNATURE", "STALE_VERSION"));
        }
    }

    @Nested
    class AnswerEnrolmentChallenge {

        @Test
        void posts_the_signed_response_to_the_challenges_path() {
            registered(patient);
            node.issueChallenge("ABCD-1234");
            String response = patient.signedChallengeResponse(node.did().value(), "ABCD-1234", NOW);

            EnrolmentAnswer answer = client.answerEnrolmentChallenge(node.url(), "ABCD-1234", response);

            assertThat(answer).isEqualTo(new EnrolmentAnswer(patient.did(), true));
            FakeNode.Request request = node.requests("POST /enrolments/*/response").get(0);
            assertThat(request.path()).isEqualTo("/enrolments/ABCD-1234/response");
            assertThat(request.body().get("response").textValue()).isEqualTo(response);
        }

        @Test
        void percent_encodes_a_challenge_with_spaces_slashes_and_plus_signs() {
            registered(patient);
            String challenge = "a b/c+d";
            node.issueChallenge(challenge);

            client.answerEnrolmentChallenge(node.url(), challenge,
                    patient.signedChallengeResponse(node.did().value(), challenge, NOW));

            assertThat(node.requests("POST /enrolments/*/response").get(0).path())
                    .isEqualTo("/enrolments/a%20b%2Fc%2Bd/response");
            assertThat(node.isEnrolled(patient.did())).isTrue();
        }

        @Test
        void reports_an_unknown_challenge_as_a_refusal() {
            registered(patient);

            NodeException e = failure(() -> client.answerEnrolmentChallenge(node.url(), "NOPE",
                    patient.signedChallengeResponse(node.did().value(), "NOPE", NOW)));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problemCode()).contains("UNKNOWN_CHALLENGE");
        }
    }

    @Nested
    class SubmitGrant {

        @Test
        void sends_the_grant_and_the_exact_document_bytes_whose_hash_it_signs() {
            ComposedConsent consent = granted();

            JsonNode body = node.requests("POST /relay/consents").get(0).body();
            assertThat(body.get("grant").textValue()).isEqualTo(consent.grantJws());
            byte[] sent = Base64Url.decode(body.get("document").textValue());
            assertThat(sent).isEqualTo(consent.documentBytes());
            String signedHash = CompactJws.parse(body.get("grant").textValue()).payload().get("consentHash").asText();
            assertThat(Sha256.hex(sent)).isEqualTo(signedHash);
        }

        @Test
        void returns_the_receipt_for_the_consent_id_the_grant_defines() {
            ComposedConsent consent = ConsentComposer.compose(
                    ConsentChoices.forTreatment(List.of(RIVER), node.did()), registered(patient), NOW);

            GrantReceipt receipt = client.submitGrant(node.url(), consent.grantJws(), consent.documentBytes());

            assertThat(receipt.id()).isEqualTo(consent.id()).isEqualTo(ConsentGrant.parse(consent.grantJws()).id());
            assertThat(receipt.status()).isEqualTo(EffectiveStatus.ACTIVE);
            assertThat(receipt.consentHash()).isEqualTo(consent.consentHash());
        }

        @Test
        void refuses_an_answer_about_another_consent() {
            ComposedConsent consent = ConsentComposer.compose(
                    ConsentChoices.forTreatment(List.of(RIVER), node.did()), registered(patient), NOW);
            node.script("POST /relay/consents", FakeNode.raw(201, "application/json", "{\"id\":\"c-" + "0".repeat(64)
                    + "\",\"status\":\"active\",\"patient\":\"" + patient.did().value() + "\",\"consentHash\":\""
                    + consent.consentHash() + "\"}"));

            assertThat(failure(() -> client.submitGrant(node.url(), consent.grantJws(), consent.documentBytes()))
                    .reason()).isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void reports_a_document_that_does_not_match_the_grant_as_a_refusal() {
            ComposedConsent consent = ConsentComposer.compose(
                    ConsentChoices.forTreatment(List.of(RIVER), node.did()), registered(patient), NOW);
            byte[] altered = consent.document().replace("TREAT", "HRESCH").getBytes();

            NodeException e = failure(() -> client.submitGrant(node.url(), consent.grantJws(), altered));

            assertThat(e.status()).isEqualTo(422);
        }
    }

    @Nested
    class ReadConsent {

        @Test
        void reads_status_patient_hash_and_times() {
            ComposedConsent consent = granted();
            node.revokeElsewhere(consent.id());

            ConsentView view = client.consent(node.url(), consent.id());

            assertThat(view.status()).isEqualTo(EffectiveStatus.REVOKED);
            assertThat(view.patient()).isEqualTo(patient.did());
            assertThat(view.consentHash()).isEqualTo(consent.consentHash());
            assertThat(view.grantedAt()).isEqualTo(NOW);
            assertThat(view.revokedAt()).isEqualTo(NOW);
        }

        @Test
        void reports_an_unknown_consent_as_not_found() {
            NodeException e = failure(() -> client.consent(node.url(), ConsentId.parse("c-" + "a".repeat(64))));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problemCode()).contains("NOT_FOUND");
        }

        @Test
        void refuses_a_status_outside_the_contract() {
            ConsentId id = ConsentId.parse("c-" + "a".repeat(64));
            node.script("GET /relay/consents/*", FakeNode.raw(200, "application/json", "{\"id\":\"" + id
                    + "\",\"status\":\"paused\",\"patient\":\"" + patient.did().value() + "\",\"consentHash\":\""
                    + "b".repeat(64) + "\"}"));

            assertThat(failure(() -> client.consent(node.url(), id)).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }
    }

    @Nested
    class SubmitRevocation {

        @Test
        void posts_the_signed_revocation_and_returns_revoked() {
            ComposedConsent consent = granted();
            String revocation = patient.signedRevoke(consent.id().value(), NOW);

            EffectiveStatus status = client.submitRevocation(node.url(), consent.id(), revocation);

            assertThat(status).isEqualTo(EffectiveStatus.REVOKED);
            assertThat(node.requests("POST /relay/consents/*/revocation").get(0).body().get("operation").textValue())
                    .isEqualTo(revocation);
            assertThat(node.isRevoked(consent.id())).isTrue();
        }

        @Test
        void reports_a_second_revocation_as_refused_with_revoked() {
            ComposedConsent consent = granted();
            client.submitRevocation(node.url(), consent.id(), patient.signedRevoke(consent.id().value(), NOW));

            NodeException e = failure(() -> client.submitRevocation(node.url(), consent.id(),
                    patient.signedRevoke(consent.id().value(), NOW)));

            assertThat(e.isRefusal("REVOKED")).isTrue();
        }
    }

    @Nested
    class DeliverDocument {

        @Test
        void posts_the_document_and_accepts_no_content() {
            ComposedConsent consent = granted();

            client.deliverDocument(node.url(), consent.id(), consent.documentBytes());

            assertThat(node.deliveredDocument(consent.id())).hasValue(consent.documentBytes());
        }

        @Test
        void reports_a_document_the_holder_does_not_accept() {
            ComposedConsent consent = granted();

            NodeException e = failure(() -> client.deliverDocument(node.url(), consent.id(), "{}".getBytes()));

            assertThat(e.status()).isEqualTo(422);
            assertThat(e.problemCode()).contains("HASH_MISMATCH");
        }
    }

    @Nested
    class Failures {

        @Test
        void reports_a_closed_port_as_unreachable() throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }

            NodeException e = failure(() -> client.identity(URI.create("http://127.0.0.1:" + port)));

            assertThat(e.reason()).isEqualTo(NodeException.Reason.UNREACHABLE);
            assertThat(e.status()).isZero();
        }

        @Test
        void reports_a_dropped_connection_as_no_answer() {
            node.script("POST /relay/patients", new FakeNode.HangUp(false));

            assertThat(failure(() -> client.registerPatient(node.url(), patient.signedCreate())).reason())
                    .isEqualTo(NodeException.Reason.NO_ANSWER);
        }

        @Test
        void reports_a_node_slower_than_the_timeout_as_no_answer() {
            node.script("POST /relay/patients", new FakeNode.Delay(Duration.ofSeconds(4)));

            assertThat(failure(() -> client.registerPatient(node.url(), patient.signedCreate())).reason())
                    .isEqualTo(NodeException.Reason.NO_ANSWER);
        }

        @Test
        void reports_an_error_page_by_its_status_alone() {
            node.script("GET /identity", FakeNode.raw(502, "text/html", "<html>Bad gateway</html>"));

            NodeException e = failure(() -> client.identity(node.url()));

            assertThat(e.reason()).isEqualTo(NodeException.Reason.REFUSED);
            assertThat(e.status()).isEqualTo(502);
            assertThat(e.problemCode()).isEmpty();
            assertThat(e.isRefusal()).isFalse();
        }

        @Test
        void reports_a_success_that_is_not_json_as_a_bad_response() {
            node.script("GET /identity", FakeNode.raw(200, "text/plain", "hello"));

            assertThat(failure(() -> client.identity(node.url())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void gives_up_on_an_answer_larger_than_a_mebibyte() {
            node.script("GET /identity", FakeNode.raw(200, "application/json",
                    "{\"pad\":\"" + "x".repeat(HttpExchanges.MAX_ANSWER_BYTES) + "\"}"));

            assertThat(failure(() -> client.identity(node.url())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void does_not_follow_redirects() {
            node.script("GET /identity", FakeNode.raw(302, "text/plain", "elsewhere"));

            assertThat(failure(() -> client.identity(node.url())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void keeps_control_characters_from_the_node_out_of_the_message() {
            node.script("GET /identity", FakeNode.problem(400, "BAD\u001b[2J", "red \u001b[31malert\nsecond line"));

            NodeException e = failure(() -> client.identity(node.url()));

            assertThat(e.getMessage()).doesNotContain("\u001b").doesNotContain("\n");
            assertThat(e.detail()).contains("red  [31malert second line");
        }

        @Test
        void bounds_the_detail_it_keeps() {
            node.script("GET /identity", FakeNode.problem(400, "LONG", "y".repeat(5000)));

            assertThat(failure(() -> client.identity(node.url())).detail().orElseThrow()).hasSizeLessThan(310);
        }
    }

    @Test
    void refuses_timeouts_that_are_not_positive() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NodeClient.overHttp(Duration.ZERO, Duration.ofSeconds(1)));
    }

    @Test
    void refuses_to_send_something_that_is_not_a_signed_operation() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> client.registerPatient(node.url(), "not a jws"));
    }
}
