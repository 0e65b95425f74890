package org.medmesh.node.adapter.in.hl7v2;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Provenance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** HL7 v2 over MLLP into a real node: real messages over a real socket, then the store read back over FHIR. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MllpServerIT {
    private final Hl7v2Node node = Hl7v2Node.start();

    @AfterAll
    void stop() {
        node.close();
    }

    private Bundle patientsWithMrn(String mrn) {
        return node.search("Patient", Map.of("identifier", Hl7v2Node.ST_MARYS_SYSTEM + "|" + mrn));
    }

    @Nested
    class Admissions {
        @Test
        void an_a01_is_acknowledged_aa_with_its_control_id() {
            try (MllpClient client = node.mllp()) {
                Ack ack = Ack.of(client.send(Messages.forPatient("adt-a01.hl7", "500001")));

                assertThat(ack.code()).isEqualTo("AA");
                assertThat(ack.acknowledgedControlId()).isEqualTo("MSG00001");
            }
        }

        @Test
        void an_a01_stores_the_patient_their_encounter_and_a_provenance() {
            try (MllpClient client = node.mllp()) {
                client.send(Messages.forPatient("adt-a01.hl7", "500002"));
            }

            Bundle patients = patientsWithMrn("500002");
            assertThat(patients.getTotal()).isEqualTo(1);
            String patient = "Patient/" + patients.getEntryFirstRep().getResource().getIdElement().getIdPart();
            assertThat(node.search("Encounter", Map.of("patient", patient)).getTotal()).isEqualTo(1);
            assertThat(node.search("Provenance", Map.of("patient", patient)).getTotal()).isEqualTo(1);
        }

        @Test
        void an_import_is_recorded_as_an_audit_event_naming_what_it_created() {
            try (MllpClient client = node.mllp()) {
                client.send(Messages.forPatient("adt-a01.hl7", "500099"));
            }

            String patient = "Patient/" + patientsWithMrn("500099").getEntryFirstRep().getResource().getIdElement()
                    .getIdPart();
            Bundle audits = node.search("AuditEvent", Map.of("patient", patient));
            assertThat(audits.getTotal()).isEqualTo(1);
            org.hl7.fhir.r4.model.AuditEvent audit = (org.hl7.fhir.r4.model.AuditEvent) audits.getEntryFirstRep()
                    .getResource();
            assertThat(audit.getType().getCode()).isEqualTo("110107");
            assertThat(audit.getSubtypeFirstRep().getCode()).isEqualTo("ADT^A01");
            assertThat(audit.getOutcome()).isEqualTo(org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome._0);
        }

        @Test
        void an_a08_updates_the_patient_the_a01_created_rather_than_adding_one() {
            try (MllpClient client = node.mllp()) {
                assertThat(Ack.of(client.send(Messages.forPatient("adt-a01.hl7", "500003"))).code()).isEqualTo("AA");
                assertThat(Ack.of(client.send(Messages.forPatient("adt-a08.hl7", "500003"))).code()).isEqualTo("AA");
            }

            Bundle patients = patientsWithMrn("500003");
            assertThat(patients.getTotal()).isEqualTo(1);
            Patient patient = (Patient) patients.getEntryFirstRep().getResource();
            assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Rivera-Lopez");
            assertThat(patient.getMeta().getVersionId()).isEqualTo("2");
        }
    }

    @Nested
    class Results {
        @Test
        void an_oru_r01_stores_each_obx_as_an_observation_with_the_report_and_a_provenance() {
            try (MllpClient client = node.mllp()) {
                assertThat(Ack.of(client.send(Messages.forPatient("oru-r01.hl7", "500010"))).code()).isEqualTo("AA");
            }

            String patient = "Patient/" + patientsWithMrn("500010").getEntryFirstRep().getResource().getIdElement()
                    .getIdPart();
            assertThat(node.search("Observation", Map.of("patient", patient)).getTotal()).isEqualTo(5);
            Bundle reports = node.search("DiagnosticReport", Map.of("patient", patient));
            assertThat(reports.getTotal()).isEqualTo(1);
            assertThat(((DiagnosticReport) reports.getEntryFirstRep().getResource()).getResult()).hasSize(5);
            Bundle provenances = node.search("Provenance", Map.of("patient", patient));
            assertThat(provenances.getTotal()).isEqualTo(1);
            assertThat(((Provenance) provenances.getEntryFirstRep().getResource()).getTarget()).hasSize(8);
        }

        @Test
        void one_bad_obx_stores_none_of_the_results_and_gets_ae_naming_it() {
            Map<String, Integer> before = node.totals();
            Ack ack;
            try (MllpClient client = node.mllp()) {
                ack = Ack.of(client.send(Messages.forPatient("oru-r01-bad-obx2.hl7", "500011")));
            }

            assertThat(ack.code()).isEqualTo("AE");
            assertThat(ack.errorLocation()).startsWith("OBX^2^5");
            assertThat(node.totals()).isEqualTo(before);
        }
    }

    @Nested
    class BadMessages {
        @Test
        void a_message_without_pid_3_gets_ae_naming_pid_3_and_stores_nothing() {
            Map<String, Integer> before = node.totals();
            Ack ack;
            try (MllpClient client = node.mllp()) {
                ack = Ack.of(client.send(Messages.load("adt-a01-missing-pid3.hl7")));
            }

            assertThat(ack.code()).isEqualTo("AE");
            assertThat(ack.acknowledgedControlId()).isEqualTo("MSG00091");
            assertThat(ack.errorLocation()).startsWith("PID^1^3");
            assertThat(ack.errorCode()).startsWith("101^");
            assertThat(ack.textMessage()).contains("PID-3");
            assertThat(node.totals()).isEqualTo(before);
        }

        @Test
        void a_message_of_an_unsupported_version_gets_ar_and_stores_nothing() {
            Map<String, Integer> before = node.totals();
            Ack ack;
            try (MllpClient client = node.mllp()) {
                ack = Ack.of(client.send(Messages.forPatient("adt-a01-version-2.6.hl7", "500020")));
            }

            assertThat(ack.code()).isEqualTo("AR");
            assertThat(ack.errorCode()).startsWith("203^");
            assertThat(ack.textMessage()).contains("2.6");
            assertThat(node.totals()).isEqualTo(before);
        }

        @Test
        void garbage_inside_a_frame_gets_ar_and_the_connection_stays_open() {
            Map<String, Integer> before = node.totals();
            try (MllpClient client = node.mllp()) {
                assertThat(Ack.of(client.send("this is not HL7 at all")).code()).isEqualTo("AR");
                assertThat(Ack.of(client.send(Messages.forPatient("adt-a01.hl7", "500021"))).code()).isEqualTo("AA");
            }
            assertThat(patientsWithMrn("500021").getTotal()).isEqualTo(1);
            assertThat(node.totals().get("Patient")).isEqualTo(before.get("Patient") + 1);
        }

        @Test
        void bytes_outside_a_frame_get_ar_and_the_connection_is_closed() {
            Map<String, Integer> before = node.totals();
            try (MllpClient client = node.mllp()) {
                client.sendBytes(Messages.forPatient("adt-a01.hl7", "500022").getBytes(StandardCharsets.UTF_8));

                assertThat(client.receive()).hasValueSatisfying(ack -> assertThat(Ack.of(ack).code()).isEqualTo("AR"));
                assertThat(client.closedByNode()).isTrue();
            }
            assertThat(node.totals()).isEqualTo(before);
        }

        @Test
        void a_frame_larger_than_the_limit_gets_ar_and_the_connection_is_closed_storing_nothing() {
            Map<String, Integer> before = node.totals();
            char[] huge = new char[Hl7v2Properties.DEFAULT_MAX_MESSAGE_BYTES];
            Arrays.fill(huge, 'x');
            String oversized = Messages.forPatient("oru-r01.hl7", "500023")
                    .replace("Specimen slightly hemolysed", new String(huge));
            try (MllpClient client = node.mllp()) {
                client.sendBytes(MllpClient.frame(oversized.getBytes(StandardCharsets.UTF_8)));

                assertThat(client.receive()).hasValueSatisfying(ack -> {
                    assertThat(Ack.of(ack).code()).isEqualTo("AR");
                    assertThat(Ack.of(ack).textMessage()).contains("larger");
                });
                assertThat(client.closedByNode()).isTrue();
            }
            assertThat(node.totals()).isEqualTo(before);
        }

        @Test
        void a_frame_without_its_carriage_return_gets_ar_and_the_connection_is_closed() {
            Map<String, Integer> before = node.totals();
            byte[] framed = MllpClient.frame(Messages.forPatient("adt-a01.hl7", "500024")
                    .getBytes(StandardCharsets.UTF_8));
            framed[framed.length - 1] = 'X';
            try (MllpClient client = node.mllp()) {
                client.sendBytes(framed);

                assertThat(client.receive()).hasValueSatisfying(ack -> assertThat(Ack.of(ack).code()).isEqualTo("AR"));
                assertThat(client.closedByNode()).isTrue();
            }
            assertThat(node.totals()).isEqualTo(before);
        }
    }

    @Nested
    class Logging {
        @Test
        void logs_the_type_control_id_and_outcome_but_no_content() {
            Logger logger = (Logger) LoggerFactory.getLogger(Hl7v2Ingestion.class);
            ListAppender<ILoggingEvent> lines = new ListAppender<>();
            lines.start();
            logger.addAppender(lines);
            try (MllpClient client = node.mllp()) {
                client.send(Messages.forPatient("adt-a01.hl7", "500040"));
                client.send(Messages.load("adt-a01-missing-pid3.hl7"));
            } finally {
                logger.detachAppender(lines);
            }

            assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                    "HL7 v2 ADT^A01 MSG00001 via MLLP: AA STORED -",
                    "HL7 v2 ADT^A01 MSG00091 via MLLP: AE MISSING_FIELD PID-3");
        }
    }

    @Nested
    class Connections {
        @Test
        void one_connection_carries_several_messages_each_acknowledged_in_order() {
            try (MllpClient client = node.mllp()) {
                Ack first = Ack.of(client.send(Messages.forPatient("adt-a01.hl7", "500030")));
                Ack second = Ack.of(client.send(Messages.forPatient("oru-r01.hl7", "500030")));

                assertThat(first.acknowledgedControlId()).isEqualTo("MSG00001");
                assertThat(second.acknowledgedControlId()).isEqualTo("LAB-778812");
                assertThat(second.code()).isEqualTo("AA");
            }
        }

        @Test
        void a_result_for_a_patient_admitted_earlier_is_filed_under_that_patient() {
            try (MllpClient client = node.mllp()) {
                client.send(Messages.forPatient("adt-a01.hl7", "500031"));
                client.send(Messages.forPatient("oru-r01.hl7", "500031"));
            }

            assertThat(patientsWithMrn("500031").getTotal()).isEqualTo(1);
        }
    }
}
