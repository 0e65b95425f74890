package org.medmesh.chaincode.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.support.LedgerTest;
import org.medmesh.ledger.embedded.ChaincodeEventRecord;
import org.medmesh.ledger.embedded.SubmitResult;

/** The identity contract's organisation transactions: authorised by the caller's Fabric MSP. */
class OrganizationIdentityTest extends LedgerTest {

    private static String json(ObjectNode node) {
        return CanonicalJson.write(node);
    }

    @Nested
    class RegisterOrganization {

        @Test
        void registers_an_organisation_bound_to_the_callers_msp() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            assertThat(resolve(HOSPITAL1.didText()).get("mspId").textValue()).isEqualTo("Hospital1MSP");
        }

        @Test
        void emits_did_registered_with_the_did_and_version() {
            SubmitResult result = submit(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            ChaincodeEventRecord event = eventOf(result.txId());
            assertThat(event.name()).isEqualTo("DidRegistered");
            assertThat(event.payload()).isEqualTo("{\"did\":\"did:medmesh:org:Hospital1MSP\",\"version\":1}");
        }

        @Test
        void refuses_a_registration_submitted_by_another_msp() {
            assertRefused(ErrorCode.WRONG_ORGANIZATION, HOSPITAL2.node(), "identity:registerOrganization",
                    HOSPITAL1.registrationJson());
        }

        @Test
        void refuses_a_second_registration() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            assertRefused(ErrorCode.DUPLICATE, HOSPITAL1.node(), "identity:registerOrganization",
                    HOSPITAL1.registrationJson());
        }

        @Test
        void refuses_a_service_endpoint_that_is_not_http() {
            ObjectNode registration = HOSPITAL1.registration().put("serviceEndpoint", "ftp://h1.example.org");
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "identity:registerOrganization", json(registration));
        }

        @Test
        void refuses_a_signing_key_that_is_not_32_bytes() {
            ObjectNode registration = HOSPITAL1.registration().put("signingKey", "AAAA");
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "identity:registerOrganization", json(registration));
        }
    }

    @Nested
    class UpdateOrganization {

        private ObjectNode update(long previousVersion) {
            return HOSPITAL1.registration().put("serviceEndpoint", "https://new.example.org/medmesh")
                    .put("previousVersion", previousVersion);
        }

        @Test
        void changes_the_endpoint_and_increments_the_version() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            submitOk(HOSPITAL1.node(), "identity:updateOrganization", json(update(1)));
            JsonNode resolved = resolve(HOSPITAL1.didText());
            assertThat(resolved.at("/didDocument/service/0/serviceEndpoint").textValue())
                    .isEqualTo("https://new.example.org/medmesh");
            assertThat(resolved.at("/didDocumentMetadata/versionId").textValue()).isEqualTo("2");
        }

        @Test
        void refuses_an_update_submitted_by_another_msp() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            assertRefused(ErrorCode.WRONG_ORGANIZATION, HOSPITAL2.node(), "identity:updateOrganization", json(update(1)));
        }

        @Test
        void refuses_a_stale_previous_version() {
            submitOk(HOSPITAL1.node(), "identity:registerOrganization", HOSPITAL1.registrationJson());
            submitOk(HOSPITAL1.node(), "identity:updateOrganization", json(update(1)));
            assertRefused(ErrorCode.STALE_VERSION, HOSPITAL1.node(), "identity:updateOrganization", json(update(1)));
        }

        @Test
        void refuses_an_update_of_an_unregistered_organisation() {
            assertRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "identity:updateOrganization", json(update(1)));
        }
    }
}
