package org.medmesh.patient.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.DidAuthResponse;
import org.medmesh.patient.wallet.PatientIdentity;

/** The patient's own records: {@code POST /patients/challenges}, then {@code GET /patients/records} with DID auth. */
class HttpNodeClientRecordsTest extends FakeNodeClientTest {

    HttpNodeClientRecordsTest() {
        super(new HttpNodeClient(Duration.ofSeconds(2), Duration.ofSeconds(2)));
    }

    private void enrolled(PatientIdentity identity) {
        registered(identity);
        node.issueChallenge("E-" + identity.did().value());
        client.answerEnrolmentChallenge(node.url(), "E-" + identity.did().value(),
                identity.signedChallengeResponse(node.did().value(), "E-" + identity.did().value(), NOW));
    }

    private String challenge(PatientIdentity identity) {
        return client.recordsChallenge(node.url(), identity.did()).challenge();
    }

    private OwnRecords read(PatientIdentity signer, String challenge) {
        return client.records(node.url(), challenge,
                signer.signedChallengeResponse(node.did().value(), challenge, NOW));
    }

    @Nested
    class Challenge {

        @Test
        void posts_the_patients_did_and_reads_challenge_audience_and_expiry() {
            RecordsChallenge challenge = client.recordsChallenge(node.url(), patient.did());

            assertThat(node.requests("POST /patients/challenges").get(0).body().get("did").textValue())
                    .isEqualTo(patient.did().value());
            assertThat(challenge.audience()).isEqualTo(node.did());
            assertThat(challenge.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
            assertThat(challenge.challenge()).matches("[A-Za-z0-9_-]{32}");
        }

        @Test
        void keeps_the_challenge_out_of_its_text() {
            RecordsChallenge challenge = client.recordsChallenge(node.url(), patient.did());

            assertThat(challenge.toString()).doesNotContain(challenge.challenge()).contains(node.did().value());
        }

        @Test
        void refuses_a_challenge_that_could_not_travel_unchanged_as_a_header() {
            node.script("POST /patients/challenges", FakeNode.raw(201, "application/json", "{\"challenge\":\"a b\\r\\n"
                    + "X-Other: 1\",\"audience\":\"" + node.did().value() + "\",\"expiresAt\":\"" + NOW + "\"}"));

            assertThat(failure(() -> client.recordsChallenge(node.url(), patient.did())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_an_audience_that_is_not_a_hospital() {
            node.script("POST /patients/challenges", FakeNode.raw(201, "application/json", "{\"challenge\":\"abc\","
                    + "\"audience\":\"" + patient.did().value() + "\",\"expiresAt\":\"" + NOW + "\"}"));

            assertThat(failure(() -> client.recordsChallenge(node.url(), patient.did())).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void is_asked_for_a_patient_did_only_and_sends_nothing_otherwise() {
            assertThatIllegalArgumentException().isThrownBy(() -> client.recordsChallenge(node.url(), RIVER));
            assertThat(node.requests()).isEmpty();
        }
    }

    @Nested
    class Records {

        @Test
        void sends_the_challenge_and_the_did_auth_response_and_asks_for_fhir_json() {
            enrolled(patient);
            String challenge = challenge(patient);

            read(patient, challenge);

            FakeNode.Request request = node.requests("GET /patients/records").get(0);
            assertThat(request.header("MedMesh-Challenge")).isEqualTo(challenge);
            assertThat(DidAuthResponse.verify(request.header("MedMesh-DID-Auth"), node.did().value(), challenge,
                    node.patientKeys(patient.did()).orElseThrow().signingKey().encoded(), NOW, Duration.ofMinutes(5)))
                    .isEqualTo(patient.did().value());
            assertThat(request.header("Accept")).startsWith("application/fhir+json");
        }

        @Test
        void returns_the_bundle_exactly_as_received() {
            enrolled(patient);
            byte[] bundle = new FhirBundles().add("Patient", 1).add("Observation", 3).bytes();
            node.holdRecords(patient.did(), bundle);

            OwnRecords records = read(patient, challenge(patient));

            assertThat(records.bundle()).isEqualTo(bundle);
            assertThat(records.size()).isEqualTo(bundle.length);
            assertThat(records.summary().total()).isEqualTo(4);
            assertThat(records.toString()).isEqualTo("OwnRecords[" + bundle.length + " bytes, 4 resources]");
        }

        @Test
        void a_challenge_answers_once() {
            enrolled(patient);
            String challenge = challenge(patient);
            read(patient, challenge);

            NodeException e = failure(() -> read(patient, challenge));

            assertThat(e.status()).isEqualTo(422);
            assertThat(e.problemCode()).contains("CODE_NOT_OPEN");
        }

        @Test
        void a_challenge_answers_only_for_the_did_it_was_issued_for() {
            PatientIdentity other = PatientIdentity.create(new SecureRandom());
            enrolled(patient);
            enrolled(other);
            String challenge = challenge(patient);

            NodeException e = failure(() -> read(other, challenge));

            assertThat(e.problemCode()).contains("CODE_NOT_OPEN");
            assertThat(read(patient, challenge).summary().total()).isZero();
        }

        @Test
        void a_response_for_another_hospital_is_not_verified() {
            enrolled(patient);
            String challenge = challenge(patient);

            NodeException e = failure(() -> client.records(node.url(), challenge,
                    patient.signedChallengeResponse(RIVER.value(), challenge, NOW)));

            assertThat(e.status()).isEqualTo(422);
            assertThat(e.problemCode()).contains("NOT_VERIFIED");
            assertThat(node.openRecordsChallenges()).isEqualTo(1);
        }

        @Test
        void a_did_not_enrolled_there_is_an_unknown_patient() {
            registered(patient);

            NodeException e = failure(() -> read(patient, challenge(patient)));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problemCode()).contains("UNKNOWN_PATIENT");
        }

        @Test
        void a_did_not_on_the_ledger_is_an_unknown_did() {
            NodeException e = failure(() -> read(patient, challenge(patient)));

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problemCode()).contains("UNKNOWN_DID");
        }

        @Test
        void the_node_refuses_a_request_without_the_headers() throws Exception {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    node.url().resolve("/patients/records")).GET().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        }

        @Test
        void refuses_an_answer_that_is_not_a_fhir_bundle() {
            enrolled(patient);
            node.script("GET /patients/records", FakeNode.raw(200, "application/fhir+json",
                    "{\"resourceType\":\"Patient\",\"id\":\"p\"}"));

            NodeException e = failure(() -> read(patient, challenge(patient)));

            assertThat(e.reason()).isEqualTo(NodeException.Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("not a FHIR Bundle");
        }

        @Test
        void refuses_to_send_a_challenge_no_node_could_have_issued() {
            String response = patient.signedChallengeResponse(node.did().value(), "a\r\nb", NOW);

            assertThatIllegalArgumentException().isThrownBy(() -> client.records(node.url(), "a\r\nb", response));
            assertThat(node.requests()).isEmpty();
        }
    }

    @Nested
    class Size {

        @Test
        void accepts_a_bundle_of_five_megabytes() {
            enrolled(patient);
            byte[] bundle = new FhirBundles().add("Observation", 2).padded(5 * 1024 * 1024).bytes();
            node.holdRecords(patient.did(), bundle);

            OwnRecords records = read(patient, challenge(patient));

            assertThat(records.size()).isGreaterThan(5 * 1024 * 1024);
            assertThat(records.bundle()).isEqualTo(bundle);
        }

        @Test
        void gives_up_on_a_bundle_above_its_own_bound() {
            NodeClient bounded = new HttpNodeClient(Duration.ofSeconds(2), Duration.ofSeconds(2), 64 * 1024);
            enrolled(patient);
            node.holdRecords(patient.did(), new FhirBundles().padded(100 * 1024).bytes());
            String challenge = challenge(patient);

            NodeException e = failure(() -> bounded.records(node.url(), challenge,
                    patient.signedChallengeResponse(node.did().value(), challenge, NOW)));

            assertThat(e.reason()).isEqualTo(NodeException.Reason.BAD_RESPONSE);
            assertThat(e.getMessage()).contains("larger than 65536 bytes");
        }

        @Test
        void keeps_the_mebibyte_bound_for_every_other_answer() {
            node.script("GET /identity", FakeNode.raw(200, "application/json",
                    "{\"pad\":\"" + "x".repeat(2 * HttpExchanges.MAX_ANSWER_BYTES) + "\"}"));

            NodeException e = failure(() -> client.identity(node.url()));

            assertThat(e.getMessage()).contains("larger than " + HttpExchanges.MAX_ANSWER_BYTES + " bytes");
        }
    }
}
