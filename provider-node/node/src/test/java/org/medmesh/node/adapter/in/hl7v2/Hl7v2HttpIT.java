package org.medmesh.node.adapter.in.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/** HL7 v2 over HTTP ({@code POST /hl7v2}) on a real node: the ACK is the answer; the token is that of /fhir. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class Hl7v2HttpIT {
    private static final String ER7 = "x-application/hl7-v2+er7";
    private final Hl7v2Node node = Hl7v2Node.start();

    @AfterAll
    void stop() {
        node.close();
    }

    @Nested
    class Accepted {
        @Test
        void a_message_posted_with_a_clinician_token_is_answered_aa_as_er7() {
            HttpResponse<String> response = node.post(Messages.forPatient("adt-a01.hl7", "600001"), ER7,
                    node.token(Role.CLINICIAN));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith(ER7));
            assertThat(Ack.of(response.body()).code()).isEqualTo("AA");
            assertThat(Ack.of(response.body()).acknowledgedControlId()).isEqualTo("MSG00001");
        }

        @Test
        void a_message_posted_as_text_plain_is_stored() {
            HttpResponse<String> response = node.post(Messages.forPatient("oru-r01.hl7", "600002"), "text/plain",
                    node.token(Role.ADMIN));

            assertThat(Ack.of(response.body()).code()).isEqualTo("AA");
            assertThat(node.search("Patient", Map.of("identifier", Hl7v2Node.ST_MARYS_SYSTEM + "|600002"))
                    .getTotal()).isEqualTo(1);
        }

        @Test
        void a_bad_message_is_answered_200_with_ae_and_stores_nothing() {
            Map<String, Integer> before = node.totals();

            HttpResponse<String> response = node.post(Messages.load("adt-a01-missing-pid3.hl7"), ER7,
                    node.token(Role.CLINICIAN));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Ack.of(response.body()).code()).isEqualTo("AE");
            assertThat(node.totals()).isEqualTo(before);
        }
    }

    @Nested
    class Refused {
        @Test
        void a_post_without_a_token_gets_401_as_problem_json_and_stores_nothing() {
            Map<String, Integer> before = node.totals();

            HttpResponse<String> response = node.post(Messages.forPatient("adt-a01.hl7", "600010"), ER7, null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value ->
                    assertThat(value).startsWith("Bearer"));
            assertThat(response.body()).contains("\"status\":401", "\"title\":", "\"type\":", "\"detail\":");
            assertThat(node.totals()).isEqualTo(before);
        }

        @Test
        void a_forged_token_gets_401() {
            String forged = node.token(Role.ADMIN) + "x";

            assertThat(node.post(Messages.forPatient("adt-a01.hl7", "600011"), ER7, forged).statusCode())
                    .isEqualTo(401);
        }

        @Test
        void an_auditor_token_gets_403_as_problem_json() {
            HttpResponse<String> response = node.post(Messages.forPatient("adt-a01.hl7", "600012"), ER7,
                    node.token(Role.AUDITOR));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("\"status\":403");
        }

        @Test
        void a_clinician_token_with_read_scopes_only_gets_403() {
            HttpResponse<String> response = node.post(Messages.forPatient("adt-a01.hl7", "600013"), ER7,
                    node.token(Role.CLINICIAN, "user/*.read"));

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void a_body_that_is_not_hl7_gets_400_as_problem_json() {
            HttpResponse<String> response = node.post("{\"resourceType\":\"Patient\"}", "text/plain",
                    node.token(Role.ADMIN));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("\"status\":400");
        }
    }
}
