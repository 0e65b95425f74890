package org.medmesh.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.AccessEvent;
import org.medmesh.patient.wallet.PatientIdentity;

class HistoryExportTest {
    private static final Did CITY = Did.parse("did:medmesh:org:CityHospitalMSP");
    private static final Did ST_MARYS = Did.parse("did:medmesh:org:StMarysHospitalMSP");
    private static final Did PATIENT = PatientIdentity.create(new SecureRandom()).did();

    private static AccessEvent emergency() {
        return new AccessEvent("evt-1", Instant.parse("2026-11-22T06:00:00Z"), ST_MARYS, CITY, PATIENT, "ETREAT",
                AccessEvent.Decision.PERMIT, null, null, new AccessEvent.BreakGlass("UNCONSCIOUS", "a".repeat(64)), 7,
                "tx-1");
    }

    private static AccessEvent denied() {
        return new AccessEvent("evt-2", Instant.parse("2026-11-22T05:00:00Z"), ST_MARYS, CITY, PATIENT, "TREAT",
                AccessEvent.Decision.DENY, "CONSENT_REVOKED", null, null, 0, "tx-2");
    }

    @Test
    void writes_one_csv_row_per_access_with_a_header() {
        List<String> lines = HistoryExport.csv(List.of(emergency(), denied())).lines().toList();

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("time,requester,holder,purpose,decision");
        assertThat(lines.get(1)).contains("ETREAT,permitted,,break-glass,UNCONSCIOUS,7");
        assertThat(lines.get(2)).contains("TREAT,denied,CONSENT_REVOKED");
    }

    @Test
    void writes_fhir_audit_events_marking_break_glass_and_a_refusal() {
        String fhir = HistoryExport.fhir(List.of(emergency(), denied()));

        assertThat(fhir).contains("\"resourceType\": \"AuditEvent\"").contains("\"code\": \"BTG\"")
                .contains("\"outcome\": \"4\"").contains("\"outcomeDesc\": \"CONSENT_REVOKED\"")
                .contains(PATIENT.value()).contains("\"display\": \"St Marys Hospital\"");
    }

    @Test
    void names_hospitals_in_words() {
        assertThat(HospitalNames.of(ST_MARYS)).isEqualTo("St Marys Hospital");
        assertThat(HospitalNames.of(Did.parse("did:medmesh:org:Hospital1MSP"))).isEqualTo("Hospital1");
    }

    @Test
    void escapes_everything_a_node_sends_into_a_page() {
        assertThat(Html.escape("<script>\"x\" & 'y'</script>"))
                .isEqualTo("&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;");
    }
}
