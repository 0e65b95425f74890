package org.medmesh.fhir.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.v25.message.ACK;
import ca.uhn.hl7v2.parser.CanonicalModelClassFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class Hl7v2AckTest {

    final Hl7v2Ack acks = new Hl7v2Ack(Clock.fixed(Instant.parse("2024-03-15T16:10:00Z"), ZoneOffset.UTC), () -> "ACK0001");

    static ACK parse(String ack) throws HL7Exception {
        return (ACK) new DefaultHapiContext(new CanonicalModelClassFactory("2.5")).getPipeParser().parse(ack);
    }

    @Nested
    class Accept {

        @Test
        void answers_a_converted_message_with_aa_addressed_back_to_its_sender() throws HL7Exception {
            ACK ack = parse(acks.acknowledge(Hl7v2ConverterTest.converter().convert(Messages.load("adt-a01.hl7"))));
            assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AA");
            assertThat(ack.getMSA().getMessageControlID().getValue()).isEqualTo("MSG00001");
            assertThat(ack.getMSH().getReceivingApplication().getNamespaceID().getValue()).isEqualTo("EPICADT");
            assertThat(ack.getMSH().getSendingApplication().getNamespaceID().getValue()).isEqualTo("MEDMESH");
            assertThat(ack.getMSH().getMessageControlID().getValue()).isEqualTo("ACK0001");
            assertThat(ack.getMSH().getMessageType().getTriggerEvent().getValue()).isEqualTo("A01");
            assertThat(ack.getERR().isEmpty()).isTrue();
        }
    }

    @Nested
    class Reject {

        @Test
        void answers_a_content_error_with_ae_the_reason_and_the_field() throws HL7Exception {
            String message = Messages.load("adt-a01.hl7").replace("|19750412|", "|1975-04-12|");
            ACK ack = parse(acks.acknowledge(Hl7v2ConverterTest.converter().convert(message)));
            assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AE");
            assertThat(ack.getMSA().getTextMessage().getValue()).startsWith("PID-7");
            assertThat(ack.getERR().getErrorLocation(0).getSegmentID().getValue()).isEqualTo("PID");
            assertThat(ack.getERR().getErrorLocation(0).getFieldPosition().getValue()).isEqualTo("7");
            assertThat(ack.getERR().getHL7ErrorCode().getIdentifier().getValue()).isEqualTo("102");
            assertThat(ack.getERR().getSeverity().getValue()).isEqualTo("E");
        }

        @Test
        void answers_an_unsupported_message_type_with_ar() throws HL7Exception {
            String message = Messages.load("adt-a01.hl7").replace("ADT^A01^ADT_A01", "SIU^S12^SIU_S12");
            ACK ack = parse(acks.acknowledge(Hl7v2ConverterTest.converter().convert(message)));
            assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AR");
            assertThat(ack.getERR().getHL7ErrorCode().getIdentifier().getValue()).isEqualTo("200");
        }

        @Test
        void answers_text_that_is_not_hl7_with_a_parsable_ar() throws HL7Exception {
            ACK ack = parse(acks.acknowledge(Hl7v2ConverterTest.converter().convert("hello")));
            assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AR");
            assertThat(ack.getMSH().getVersionID().getVersionID().getValue()).isEqualTo("2.5");
        }

        @Test
        void answers_a_storage_failure_with_ae_207() throws HL7Exception {
            SourceMessage source = Hl7v2ConverterTest.converter().convert(Messages.load("adt-a01.hl7")).source();
            ACK ack = parse(acks.applicationError(source, "store unavailable, retry later"));
            assertThat(ack.getMSA().getAcknowledgmentCode().getValue()).isEqualTo("AE");
            assertThat(ack.getERR().getHL7ErrorCode().getIdentifier().getValue()).isEqualTo("207");
        }
    }
}
