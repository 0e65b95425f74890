package org.medmesh.node.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.function.BiConsumer;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/**
 * The demo's exchange steps: a clinician at St Mary's asks City Hospital for the patient's records — denied
 * without consent, released (mental health withheld, encrypted to St Mary's, on the ledger first) with it, denied
 * again after the revocation, and released in an emergency as break-glass.
 */
final class DemoExchange {

    private final PrintStream out;
    private final BiConsumer<String, Boolean> step;
    private final DemoHttp http = new DemoHttp();
    private final EmbeddedServer city;
    private final Path cityData;
    private final EmbeddedServer stMarys;
    private final Path stMarysData;

    DemoExchange(PrintStream out, BiConsumer<String, Boolean> step, EmbeddedServer city, Path cityData,
            EmbeddedServer stMarys, Path stMarysData) {
        this.out = out;
        this.step = step;
        this.city = city;
        this.cityData = cityData;
        this.stMarys = stMarys;
        this.stMarysData = stMarysData;
    }

    /** City's EHR records a visit: diabetes, a depression (labelled PSY at ingest) and a heart rate. */
    void cityRecordsAVisit(String cityPatientId) {
        String patient = "Patient/" + cityPatientId;
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:0b1e4c1e-0000-4000-8000-000000000001","resource":{"resourceType":"Encounter",
                   "status":"finished","class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                   "subject":{"reference":"%1$s"}},"request":{"method":"POST","url":"Encounter"}},
                 {"resource":{"resourceType":"Condition","subject":{"reference":"%1$s"},
                   "encounter":{"reference":"urn:uuid:0b1e4c1e-0000-4000-8000-000000000001"},
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes mellitus type 2"}]}},
                  "request":{"method":"POST","url":"Condition"}},
                 {"resource":{"resourceType":"Condition","subject":{"reference":"%1$s"},
                   "encounter":{"reference":"urn:uuid:0b1e4c1e-0000-4000-8000-000000000001"},
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"35489007","display":"Depressive disorder"}]}},
                  "request":{"method":"POST","url":"Condition"}},
                 {"resource":{"resourceType":"Observation","status":"final","subject":{"reference":"%1$s"},
                   "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
                   "valueQuantity":{"value":72,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}},
                  "request":{"method":"POST","url":"Observation"}}
                ]}""".formatted(patient);
        HttpResponse<String> loaded = http.send(city, cityData, Role.ADMIN, "POST", "/fhir", bundle,
                "application/fhir+json");
        step.accept("City Hospital's EHR records a visit: diabetes, a depression (labelled PSY at ingest), a heart "
                + "rate", loaded.statusCode() == 200);
    }

    /** A fetch that City must refuse with {@code reason}. */
    void deniedFetch(String stMarysPatientId, String purpose, String reason, String description) {
        JsonNode holder = fetch(stMarysPatientId, purpose);
        out.println("    City Hospital: " + holder.path("state").asText() + " " + holder.path("code").asText()
                + (holder.has("detail") ? " — " + holder.get("detail").asText() : ""));
        step.accept(description, holder.path("state").asText().equals("DENIED")
                && holder.path("code").asText().equals(reason));
    }

    /** A fetch under consent: imported, the PSY-labelled depression withheld. */
    void permittedFetch(String stMarysPatientId) {
        JsonNode holder = fetch(stMarysPatientId, "TREAT");
        out.println("    City Hospital: " + holder.path("state").asText() + ", " + holder.path("imported").asInt()
                + " records imported, ledger transaction " + holder.path("ledgerTx").asText() + ", "
                + holder.path("provenance").asText());
        String everything = everything(stMarysPatientId);
        step.accept("St Mary's asks again: City Hospital records the access on the ledger, then streams the records "
                + "signed and encrypted to St Mary's one-time key; St Mary's verifies and stores them in one "
                + "transaction with a Provenance — the depression (PSY) stays at City",
                holder.path("state").asText().equals("IMPORTED") && holder.path("imported").asInt() == 3
                        && everything.contains("44054006") && !everything.contains("35489007"));
    }

    /** An emergency: break-glass, everything released, on the ledger as such. */
    void breakGlass(String stMarysPatientId) {
        JsonNode holder = http.clinicianFetch(stMarys, stMarysData, "/exchange/break-glass",
                "{\"patient\":\"Patient/" + stMarysPatientId + "\",\"reasonCode\":\"UNCONSCIOUS\","
                        + "\"reason\":\"Brought in unconscious; current medication unknown\"}");
        out.println("    City Hospital: " + holder.path("state").asText() + ", " + holder.path("imported").asInt()
                + " records imported under break-glass, ledger transaction " + holder.path("ledgerTx").asText());
        step.accept("In an emergency, without consent, a St Mary's clinician breaks the glass with a stated reason: "
                + "City releases the records and the ledger records a break-glass access",
                holder.path("state").asText().equals("IMPORTED") && everything(stMarysPatientId).contains("35489007"));
    }

    private JsonNode fetch(String stMarysPatientId, String purpose) {
        return http.clinicianFetch(stMarys, stMarysData, "/exchange/fetches",
                "{\"patient\":\"Patient/" + stMarysPatientId + "\",\"purpose\":\"" + purpose + "\"}");
    }

    private String everything(String stMarysPatientId) {
        return http.send(stMarys, stMarysData, Role.CLINICIAN, "GET", "/fhir/Patient/" + stMarysPatientId
                + "/$everything", null, null).body();
    }

}
