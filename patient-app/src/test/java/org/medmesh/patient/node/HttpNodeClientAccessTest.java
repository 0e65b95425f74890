package org.medmesh.patient.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.PatientIdentity;

/** The HTTP client's link and access-log calls against an in-process node that answers per the contract. */
class HttpNodeClientAccessTest extends FakeNodeClientTest {

    @Nested
    class Link {

        private final PatientIdentity atRiver = PatientIdentity.create(new SecureRandom());

        /** The patient enrolled at this node (the requester) with {@code patient}, and {@code atRiver} at River. */
        private void enrolledHere() {
            registered(patient);
            client.registerPatient(node.url(), atRiver.signedCreate());
            node.issueChallenge("E1");
            client.answerEnrolmentChallenge(node.url(), "E1", patient.signedChallengeResponse(node.did().value(), "E1",
                    NOW));
        }

        private String statement() {
            return "medmesh-link|" + RIVER.value() + "|" + atRiver.did().value() + "|" + patient.did().value();
        }

        private PatientLink link() {
            return client.link(node.url(), RIVER, patient.signedChallengeResponse(node.did().value(), statement(), NOW),
                    atRiver.signedChallengeResponse(node.did().value(), statement(), NOW));
        }

        @Test
        void posts_the_holder_and_both_responses_and_returns_the_link() {
            enrolledHere();

            PatientLink link = link();

            assertThat(link).isEqualTo(new PatientLink(RIVER, atRiver.did()));
            JsonNode body = node.requests("POST /patients/links").get(0).body();
            assertThat(body.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("holder", "here",
                    "there");
            assertThat(body.get("holder").textValue()).isEqualTo(RIVER.value());
            assertThat(node.links()).containsExactly(new FakeNode.Link(patient.did(), RIVER, atRiver.did()));
        }

        @Test
        void states_the_holder_the_did_there_and_the_did_here() {
            assertThat(PatientLink.statement(RIVER, atRiver.did(), patient.did())).isEqualTo(statement());
        }

        @Test
        void reports_a_patient_not_enrolled_at_the_node_as_unknown_patient() {
            registered(patient);
            client.registerPatient(node.url(), atRiver.signedCreate());

            NodeException e = failure(this::link);

            assertThat(e.status()).isEqualTo(404);
            assertThat(e.problemCode()).contains("UNKNOWN_PATIENT");
        }

        @Test
        void reports_a_response_signed_for_another_statement_as_not_verified() {
            enrolledHere();

            NodeException e = failure(() -> client.link(node.url(), RIVER,
                    patient.signedChallengeResponse(node.did().value(), statement(), NOW),
                    atRiver.signedChallengeResponse(node.did().value(), "medmesh-link|other", NOW)));

            assertThat(e.status()).isEqualTo(422);
            assertThat(e.problemCode()).contains("NOT_VERIFIED");
        }

        @Test
        void refuses_an_answer_about_another_did() {
            enrolledHere();
            node.script("POST /patients/links", FakeNode.raw(201, "application/json", "{\"holder\":\""
                    + RIVER.value() + "\",\"patientAtHolder\":\"" + patient.did().value() + "\"}"));

            assertThat(failure(this::link).reason()).isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_a_holder_that_is_not_a_hospital_and_sends_nothing() {
            assertThatIllegalArgumentException().isThrownBy(() -> client.link(node.url(), patient.did(),
                    patient.signedChallengeResponse(node.did().value(), "s", NOW),
                    atRiver.signedChallengeResponse(node.did().value(), "s", NOW)));
            assertThat(node.requests()).isEmpty();
        }

        @Test
        void refuses_one_did_signing_for_both_hospitals_and_sends_nothing() {
            String response = patient.signedChallengeResponse(node.did().value(), statement(), NOW);

            assertThatIllegalArgumentException().isThrownBy(() -> client.link(node.url(), RIVER, response, response));
            assertThat(node.requests()).isEmpty();
        }
    }

    @Nested
    class AccessLog {

        private static final Did ST_MARYS = Did.forOrganization("StMarysMSP");

        private String proof() {
            return patient.signedChallengeResponse(node.did().value(), "medmesh-access-log", NOW);
        }

        private void recorded(int events) {
            for (int i = 0; i < events; i++) {
                node.recordAccess(FakeNode.accessEvent("e-" + i, NOW.minusSeconds(60L * i), RIVER, node.did(),
                        patient.did()));
            }
        }

        @Test
        void sends_the_did_auth_response_in_its_header_and_asks_for_full_pages() {
            registered(patient);
            String proof = proof();

            client.accessLog(node.url(), proof, null, null);

            FakeNode.Request request = node.requests("GET /relay/access").get(0);
            assertThat(request.header("MedMesh-DID-Auth")).isEqualTo(proof);
            assertThat(request.parameters()).containsExactly(Map.entry("size", "100"));
        }

        @Test
        void reads_permits_denials_and_break_glass_with_their_codes() {
            registered(patient);
            ConsentId consent = ConsentId.parse("c-" + "a".repeat(64));
            node.recordAccess(FakeNode.accessEvent("e-1", NOW, RIVER, node.did(), patient.did())
                    .put("consent", consent.value()).put("count", 3).put("releasedHash", "f".repeat(64)));
            node.recordAccess(FakeNode.accessEvent("e-2", NOW, RIVER, node.did(), patient.did())
                    .put("purpose", "HRESCH")
                    .put("decision", "deny").put("denyReason", "PURPOSE_NOT_PERMITTED").put("count", 0));
            ObjectNode emergency =
                    FakeNode.accessEvent("e-3", NOW, ST_MARYS, node.did(), patient.did()).put("purpose", "ETREAT")
                            .put("count", 7);
            emergency.putObject("breakGlass").put("reasonCode", "UNCONSCIOUS").put("reasonHash", "e".repeat(64));
            node.recordAccess(emergency);

            List<AccessEvent> events = client.accessLog(node.url(), proof(), null, null);

            assertThat(events).containsExactly(
                    new AccessEvent("e-1", NOW, RIVER, node.did(), patient.did(), "TREAT", AccessEvent.Decision.PERMIT,
                            null, consent, null, 3, "tx-e-1"),
                    new AccessEvent("e-2", NOW, RIVER, node.did(), patient.did(), "HRESCH", AccessEvent.Decision.DENY,
                            "PURPOSE_NOT_PERMITTED", null, null, 0, "tx-e-2"),
                    new AccessEvent("e-3", NOW, ST_MARYS, node.did(), patient.did(), "ETREAT",
                            AccessEvent.Decision.PERMIT, null, null,
                            new AccessEvent.BreakGlass("UNCONSCIOUS", "e".repeat(64)), 7, "tx-e-3"));
        }

        @Test
        void follows_bookmarks_to_the_last_page() {
            registered(patient);
            recorded(5);
            node.accessPageSize(2);

            List<AccessEvent> events = client.accessLog(node.url(), proof(), null, null);

            assertThat(events).extracting(AccessEvent::eventId).containsExactly("e-0", "e-1", "e-2", "e-3", "e-4");
            assertThat(node.requests("GET /relay/access")).extracting(r -> r.parameters().get("bookmark"))
                    .containsExactly(null, "p2", "p4");
        }

        @Test
        void stops_at_an_empty_page_even_with_a_bookmark() {
            registered(patient);
            node.script("GET /relay/access",
                    FakeNode.raw(200, "application/json", "{\"events\":[],\"bookmark\":\"x\"}"));

            assertThat(client.accessLog(node.url(), proof(), null, null)).isEmpty();
            assertThat(node.requests("GET /relay/access")).hasSize(1);
        }

        @Test
        void passes_the_period_as_instants() {
            registered(patient);
            recorded(3);

            List<AccessEvent> events =
                    client.accessLog(node.url(), proof(), NOW.minusSeconds(90), NOW.minusSeconds(30));

            assertThat(events).extracting(AccessEvent::eventId).containsExactly("e-1");
            assertThat(node.requests("GET /relay/access").get(0).parameters())
                    .containsEntry("from", NOW.minusSeconds(90).toString())
                    .containsEntry("to", NOW.minusSeconds(30).toString());
        }

        @Test
        void reports_a_response_for_another_hospital_as_not_verified() {
            registered(patient);

            NodeException e = failure(() -> client.accessLog(node.url(),
                    patient.signedChallengeResponse(RIVER.value(), "medmesh-access-log", NOW), null, null));

            assertThat(e.status()).isEqualTo(422);
            assertThat(e.problemCode()).contains("NOT_VERIFIED");
        }

        @Test
        void refuses_an_event_about_another_did() {
            registered(patient);
            PatientIdentity someoneElse = PatientIdentity.create(new SecureRandom());
            node.script("GET /relay/access", FakeNode.raw(200, "application/json", "{\"events\":["
                    + FakeNode.accessEvent("e-9", NOW, RIVER, node.did(), someoneElse.did()) + "]}"));

            assertThat(failure(() -> client.accessLog(node.url(), proof(), null, null)).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_a_bookmark_that_leads_back_to_an_earlier_page() {
            registered(patient);
            String page = "{\"events\":[" + FakeNode.accessEvent("e-1", NOW, RIVER, node.did(), patient.did())
                    + "],\"bookmark\":\"again\"}";
            node.script("GET /relay/access", FakeNode.raw(200, "application/json", page));
            node.script("GET /relay/access", FakeNode.raw(200, "application/json", page));

            assertThat(failure(() -> client.accessLog(node.url(), proof(), null, null)).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_a_code_that_could_write_to_the_terminal() {
            registered(patient);
            node.script("GET /relay/access", FakeNode.raw(200, "application/json", "{\"events\":["
                    + FakeNode.accessEvent("e-1", NOW, RIVER, node.did(), patient.did()).put("purpose", "\u001b[2J")
                    + "]}"));

            assertThat(failure(() -> client.accessLog(node.url(), proof(), null, null)).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }

        @Test
        void refuses_an_unknown_decision() {
            registered(patient);
            node.script("GET /relay/access", FakeNode.raw(200, "application/json", "{\"events\":["
                    + FakeNode.accessEvent("e-1", NOW, RIVER, node.did(), patient.did()).put("decision", "maybe")
                    + "]}"));

            assertThat(failure(() -> client.accessLog(node.url(), proof(), null, null)).reason())
                    .isEqualTo(NodeException.Reason.BAD_RESPONSE);
        }
    }
}
