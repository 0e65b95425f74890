package org.medmesh.fhir.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.fhir.hl7v2.Hl7v2Conversion.Rejected;

class Hl7v2RejectionTest {

    static Rejected reject(String message) {
        Hl7v2Conversion result = Hl7v2ConverterTest.converter().convert(message);
        assertThat(result).isInstanceOf(Rejected.class);
        return (Rejected) result;
    }

    static String a01() {
        return Messages.load("adt-a01.hl7");
    }

    @Nested
    class ContentErrors {

        @Test
        void rejects_a_patient_without_pid_3_at_pid_3() {
            Rejected rejected = reject(a01().replace("100234^^^STMARYS&1.2.840.114350.1.13.1&ISO^MR~987-65-4320^^^SSA^SS", ""));
            assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(rejected.location()).hasValue(ErrorLocation.field("PID", 3));
            assertThat(rejected.reason().ackCode()).isEqualTo(RejectReason.AckCode.AE);
        }

        @Test
        void rejects_an_unparsable_birth_date_at_pid_7_without_echoing_it() {
            Rejected rejected = reject(a01().replace("|19750412|", "|1975-04-12|"));
            assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_VALUE);
            assertThat(rejected.location()).hasValue(ErrorLocation.field("PID", 7));
            assertThat(rejected.detail()).startsWith("PID-7").doesNotContain("1975");
        }

        @Test
        void rejects_a_date_that_is_not_on_the_calendar() {
            Rejected rejected = reject(a01().replace("|19750412|", "|19751332|"));
            assertThat(rejected.location()).hasValue(ErrorLocation.field("PID", 7));
        }

        @Test
        void rejects_a_non_numeric_result_of_value_type_nm_at_its_obx() {
            Rejected rejected = reject(Messages.load("oru-r01.hl7").replace("||0.9|", "||zero point nine|"));
            assertThat(rejected.reason()).isEqualTo(RejectReason.INVALID_VALUE);
            assertThat(rejected.location()).hasValue(new ErrorLocation("OBX", 2, 5, 0));
        }

        @Test
        void rejects_an_admission_without_pv1() {
            String withoutVisit = a01().substring(0, a01().indexOf("\rPV1"));
            Rejected rejected = reject(withoutVisit);
            assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_SEGMENT);
            assertThat(rejected.location()).hasValue(ErrorLocation.segment("PV1"));
        }
    }

    @Nested
    class MessageErrors {

        @Test
        void rejects_a_message_type_it_does_not_convert() {
            Rejected rejected = reject(a01().replace("ADT^A01^ADT_A01", "SIU^S12^SIU_S12"));
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNSUPPORTED_MESSAGE_TYPE);
            assertThat(rejected.location()).hasValue(ErrorLocation.field("MSH", 9));
            assertThat(rejected.reason().ackCode()).isEqualTo(RejectReason.AckCode.AR);
            assertThat(rejected.source().controlId()).isEqualTo("MSG00001");
        }

        @Test
        void rejects_an_adt_event_it_does_not_convert() {
            assertThat(reject(a01().replace("ADT^A01^ADT_A01", "ADT^A40^ADT_A39")).reason())
                    .isEqualTo(RejectReason.UNSUPPORTED_MESSAGE_TYPE);
        }

        @Test
        void rejects_an_unsupported_version_at_msh_12() {
            Rejected rejected = reject(a01().replace("|P|2.5.1", "|P|2.8"));
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNSUPPORTED_VERSION);
            assertThat(rejected.location()).hasValue(ErrorLocation.field("MSH", 12));
        }

        @Test
        void rejects_a_message_truncated_inside_its_header() {
            Rejected rejected = reject(a01().substring(0, 30));
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNPARSABLE);
            assertThat(rejected.location()).hasValue(ErrorLocation.segment("MSH"));
        }

        @Test
        void rejects_a_message_truncated_inside_pid_for_the_segments_it_lost() {
            String truncated = a01().substring(0, a01().indexOf("\rPID") + 12);
            Rejected rejected = reject(truncated);
            assertThat(rejected.reason()).isEqualTo(RejectReason.MISSING_SEGMENT);
            assertThat(rejected.location()).hasValue(ErrorLocation.segment("PV1"));
        }

        @Test
        void rejects_text_that_is_not_hl7() {
            Rejected rejected = reject("{\"resourceType\":\"Patient\"}");
            assertThat(rejected.reason()).isEqualTo(RejectReason.UNPARSABLE);
            assertThat(rejected.source()).isEqualTo(SourceMessage.unknown());
        }
    }
}
