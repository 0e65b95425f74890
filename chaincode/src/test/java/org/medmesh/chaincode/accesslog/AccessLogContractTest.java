package org.medmesh.chaincode.accesslog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.support.AccessEvents;
import org.medmesh.chaincode.support.Grants;
import org.medmesh.chaincode.support.LedgerTest;
import org.medmesh.chaincode.support.TestPatient;
import org.medmesh.ledger.embedded.ChaincodeEventRecord;
import org.medmesh.ledger.embedded.SubmitResult;

class AccessLogContractTest extends LedgerTest {

    private static final String DAY_START = "2026-03-01T00:00:00Z";
    private static final String DAY_END = "2026-03-01T23:59:59Z";

    private TestPatient patient;
    private String consentId;

    @BeforeEach
    void grantHospital2Access() {
        registerOrganizations();
        patient = registeredPatient();
        consentId = granted(patient, Grants.grant(patient, Grants.permitTo(HOSPITAL2)));
    }

    private JsonNode record(ObjectNode event) {
        return submitOk(HOSPITAL1.node(), "accesslog:record", CanonicalJson.write(event));
    }

    private void assertRecordRefused(ErrorCode code, ObjectNode event) {
        assertRefused(code, HOSPITAL1.node(), "accesslog:record", CanonicalJson.write(event));
    }

    private String consentWith(ObjectNode provision) {
        return granted(patient, Grants.grant(patient, provision, "special"));
    }

    @Nested
    class Record {

        @Test
        void records_a_permit_backed_by_an_active_consent() {
            JsonNode stored = record(AccessEvents.permit("e1", patient, consentId));
            assertThat(stored.get("decision").textValue()).isEqualTo("permit");
            assertThat(stored.get("claimedTime").textValue()).isEqualTo(T0.toString());
            assertThat(stored.get("txId").textValue()).isNotEmpty();
        }

        @Test
        void emits_access_recorded_without_record_contents() {
            SubmitResult result = submit(HOSPITAL1.node(), "accesslog:record",
                    CanonicalJson.write(AccessEvents.permit("e1", patient, consentId)));
            ChaincodeEventRecord event = eventOf(result.txId());
            assertThat(event.name()).isEqualTo("AccessRecorded");
            assertThat(CanonicalJson.parse(event.payload()).fieldNames())
                    .toIterable().containsExactlyInAnyOrder("eventId", "holder", "requester", "patient", "decision");
        }

        @Test
        void records_a_deny_with_its_coarse_reason() {
            JsonNode stored = record(AccessEvents.deny("e1", patient, "NO_CONSENT"));
            assertThat(stored.get("reasonCode").textValue()).isEqualTo("NO_CONSENT");
        }

        @Test
        void records_a_break_glass_permit_for_emergency_treatment() {
            JsonNode stored = record(AccessEvents.breakGlass("e1", patient));
            assertThat(stored.at("/breakGlass/reasonCode").textValue()).isEqualTo("UNCONSCIOUS");
        }

        @Test
        void refuses_an_event_written_by_an_organisation_other_than_the_holder() {
            assertRefused(ErrorCode.WRONG_ORGANIZATION, HOSPITAL2.node(), "accesslog:record",
                    CanonicalJson.write(AccessEvents.permit("e1", patient, consentId)));
        }

        @Test
        void refuses_an_unregistered_holder() {
            ObjectNode event = AccessEvents.deny("e1", patient, "OTHER").put("holder", "did:medmesh:org:Hospital9MSP");
            assertRecordRefused(ErrorCode.UNKNOWN_DID, event);
        }

        @Test
        void refuses_a_duplicate_event_id() {
            record(AccessEvents.deny("e1", patient, "OTHER"));
            assertRecordRefused(ErrorCode.DUPLICATE, AccessEvents.deny("e1", patient, "NO_CONSENT"));
        }

        @Test
        void refuses_a_permit_on_a_revoked_consent() {
            submitOk(HOSPITAL1.node(), "consent:revoke", patient.sign(Grants.revocation(patient, consentId)));
            assertRecordRefused(ErrorCode.REVOKED, AccessEvents.permit("e1", patient, consentId));
        }

        @Test
        void refuses_a_permit_on_an_expired_consent() {
            ObjectNode provision = Grants.permitTo(HOSPITAL2);
            provision.putObject("period").put("end", "2026-03-01T12:00:00Z");
            String expiring = consentWith(provision);
            assertRefusedAt(Instant.parse("2026-03-01T12:00:01Z"), ErrorCode.EXPIRED, HOSPITAL1.node(),
                    "accesslog:record", CanonicalJson.write(AccessEvents.permit("e1", patient, expiring)));
        }

        @Test
        void refuses_a_permit_for_a_requester_not_among_the_grantees() {
            String toHospital1 = consentWith(Grants.permitTo(HOSPITAL1));
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", patient, toHospital1));
        }

        @Test
        void refuses_a_permit_for_a_purpose_the_consent_does_not_allow() {
            String research = consentWith(Grants.permitTo(HOSPITAL2).set("purposes",
                    CanonicalJson.parse("[\"HRESCH\"]")));
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", patient, research));
        }

        @Test
        void refuses_a_permit_for_a_holder_the_consent_does_not_cover() {
            String hospital2Records = consentWith(Grants.permitTo(HOSPITAL2).set("holders",
                    CanonicalJson.parse("[\"" + HOSPITAL2.didText() + "\"]")));
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", patient, hospital2Records));
        }

        @Test
        void refuses_a_permit_on_a_deny_provision() {
            String denial = consentWith(Grants.permitTo(HOSPITAL2).put("type", "deny"));
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", patient, denial));
        }

        @Test
        void accepts_a_permit_on_an_opt_in_whose_permit_exception_names_the_requester() {
            String optIn = consentWith(optIn(Grants.permitTo(HOSPITAL2).put("type", "permit")));
            submitOk(HOSPITAL1.node(), "accesslog:record",
                    CanonicalJson.write(AccessEvents.permit("e1", patient, optIn)));
        }

        @Test
        void refuses_a_permit_on_an_opt_in_whose_permit_exceptions_name_another_requester() {
            String optIn = consentWith(optIn(Grants.permitTo(HOSPITAL1).put("type", "permit")));
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", patient, optIn));
        }

        @Test
        void refuses_a_permit_on_an_opt_in_whose_permit_exception_has_ended() {
            ObjectNode exception = Grants.permitTo(HOSPITAL2).put("type", "permit");
            exception.putObject("period").put("end", "2026-03-01T12:00:00Z");
            String optIn = consentWith(optIn(exception));
            assertRefusedAt(Instant.parse("2026-03-01T12:00:01Z"), ErrorCode.CONSENT_NOT_APPLICABLE,
                    HOSPITAL1.node(), "accesslog:record",
                    CanonicalJson.write(AccessEvents.permit("e1", patient, optIn)));
        }

        private static ObjectNode optIn(ObjectNode permitException) {
            ObjectNode root = CanonicalJson.object();
            root.put("type", "deny");
            root.putArray("provisions").add(permitException);
            return root;
        }

        @Test
        void refuses_a_permit_for_another_patient() {
            TestPatient other = registeredPatient();
            assertRecordRefused(ErrorCode.CONSENT_NOT_APPLICABLE, AccessEvents.permit("e1", other, consentId));
        }

        @Test
        void refuses_a_permit_on_an_unknown_consent() {
            String unknown = "c-" + "0".repeat(64);
            assertRecordRefused(ErrorCode.NOT_FOUND, AccessEvents.permit("e1", patient, unknown));
        }

        @Test
        void refuses_a_permit_with_neither_consent_nor_break_glass() {
            ObjectNode event = AccessEvents.permit("e1", patient, consentId);
            event.remove("consentId");
            assertRecordRefused(ErrorCode.MALFORMED_INPUT, event);
        }

        @Test
        void refuses_break_glass_for_a_purpose_other_than_emergency_treatment() {
            assertRecordRefused(ErrorCode.MALFORMED_INPUT, AccessEvents.breakGlass("e1", patient).put("purpose", "TREAT"));
        }

        @Test
        void refuses_a_deny_without_a_reason_code() {
            ObjectNode event = AccessEvents.deny("e1", patient, "OTHER");
            event.remove("reasonCode");
            assertRecordRefused(ErrorCode.MALFORMED_INPUT, event);
        }

        @Test
        void refuses_a_permit_that_releases_records_without_their_hash() {
            ObjectNode event = AccessEvents.permit("e1", patient, consentId);
            event.remove("releasedHash");
            assertRecordRefused(ErrorCode.MALFORMED_INPUT, event);
        }

        @Test
        void refuses_an_event_id_with_the_index_separator() {
            assertRecordRefused(ErrorCode.MALFORMED_INPUT, AccessEvents.deny("e|1", patient, "OTHER"));
        }
    }

    @Nested
    class Queries {

        private void recordAt(String time, ObjectNode event) {
            submitOkAt(Instant.parse(time), HOSPITAL1.node(), "accesslog:record", CanonicalJson.write(event));
        }

        private JsonNode query(String function, String did, String from, String to, String pageSize, String bookmark) {
            return evaluateOk(HOSPITAL1.node(), "accesslog:" + function, did, from, to, pageSize, bookmark);
        }

        @Test
        void query_by_patient_returns_the_events_inside_the_range() {
            recordAt("2026-03-01T08:00:00Z", AccessEvents.deny("early", patient, "OTHER"));
            recordAt("2026-03-01T12:00:00Z", AccessEvents.permit("inside", patient, consentId));
            recordAt("2026-03-02T08:00:00Z", AccessEvents.deny("late", patient, "OTHER"));
            JsonNode page = query("queryByPatient", patient.didText(), "2026-03-01T10:00:00Z", DAY_END, "10", "");
            assertThat(page.get("records")).extracting(r -> r.get("eventId").textValue()).containsExactly("inside");
        }

        @Test
        void query_includes_events_at_both_bounds() {
            recordAt(DAY_START, AccessEvents.deny("first", patient, "OTHER"));
            recordAt(DAY_END, AccessEvents.deny("last", patient, "OTHER"));
            JsonNode page = query("queryByPatient", patient.didText(), DAY_START, DAY_END, "10", "");
            assertThat(page.get("records")).extracting(r -> r.get("eventId").textValue()).containsExactly("first", "last");
        }

        @Test
        void query_by_requester_pages_with_a_bookmark() {
            recordAt("2026-03-01T08:00:00Z", AccessEvents.deny("a", patient, "OTHER"));
            recordAt("2026-03-01T09:00:00Z", AccessEvents.deny("b", patient, "OTHER"));
            JsonNode first = query("queryByRequester", HOSPITAL2.didText(), DAY_START, DAY_END, "1", "");
            JsonNode second = query("queryByRequester", HOSPITAL2.didText(), DAY_START, DAY_END, "1",
                    first.get("bookmark").textValue());
            assertThat(first.at("/records/0/eventId").textValue()).isEqualTo("a");
            assertThat(second.at("/records/0/eventId").textValue()).isEqualTo("b");
        }

        @Test
        void query_by_holder_returns_the_holders_events() {
            recordAt("2026-03-01T08:00:00Z", AccessEvents.deny("a", patient, "OTHER"));
            JsonNode page = query("queryByHolder", HOSPITAL1.didText(), DAY_START, DAY_END, "10", "");
            assertThat(page.get("records")).hasSize(1);
        }

        @Test
        void refuses_a_range_that_ends_before_it_starts() {
            assertEvaluationRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "accesslog:queryByHolder",
                    HOSPITAL1.didText(), DAY_END, DAY_START, "10", "");
        }

        @Test
        void refuses_a_page_size_above_100() {
            assertEvaluationRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "accesslog:queryByPatient",
                    patient.didText(), DAY_START, DAY_END, "101", "");
        }
    }

    @Nested
    class AnchorBatch {

        @Test
        void anchors_a_batch_that_can_be_read_back() {
            submitOk(HOSPITAL1.node(), "accesslog:anchorBatch", CanonicalJson.write(AccessEvents.anchor("b1")));
            JsonNode anchor = evaluateOk(HOSPITAL2.node(), "accesslog:readAnchor", HOSPITAL1.didText(), "b1");
            assertThat(anchor.get("merkleRoot").textValue()).isEqualTo(AccessEvents.anchor("b1").get("merkleRoot").textValue());
        }

        @Test
        void refuses_an_anchor_submitted_by_another_msp() {
            assertRefused(ErrorCode.WRONG_ORGANIZATION, HOSPITAL2.node(), "accesslog:anchorBatch",
                    CanonicalJson.write(AccessEvents.anchor("b1")));
        }

        @Test
        void refuses_a_second_anchor_of_the_same_batch() {
            submitOk(HOSPITAL1.node(), "accesslog:anchorBatch", CanonicalJson.write(AccessEvents.anchor("b1")));
            assertRefused(ErrorCode.DUPLICATE, HOSPITAL1.node(), "accesslog:anchorBatch",
                    CanonicalJson.write(AccessEvents.anchor("b1").put("count", 11)));
        }

        @Test
        void refuses_a_merkle_root_that_is_not_sha256_hex() {
            assertRefused(ErrorCode.MALFORMED_INPUT, HOSPITAL1.node(), "accesslog:anchorBatch",
                    CanonicalJson.write(AccessEvents.anchor("b1").put("merkleRoot", "root")));
        }

        @Test
        void read_anchor_refuses_an_unknown_batch() {
            assertEvaluationRefused(ErrorCode.NOT_FOUND, HOSPITAL1.node(), "accesslog:readAnchor",
                    HOSPITAL1.didText(), "b9");
        }
    }
}
