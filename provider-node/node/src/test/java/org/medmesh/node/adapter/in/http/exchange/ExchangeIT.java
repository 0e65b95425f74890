package org.medmesh.node.adapter.in.http.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.node.testing.LedgerNode.json;
import static org.medmesh.node.testing.PatientSide.body;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.out.jose.ExchangeRequestCodec;
import org.medmesh.node.adapter.out.jose.ReplyKey;
import org.medmesh.node.application.exchange.OriginTag;
import org.medmesh.node.application.port.NodeKeys;
import org.medmesh.node.domain.exchange.EmergencyAccess;
import org.medmesh.node.domain.exchange.ExchangeRequest;
import org.medmesh.node.domain.ledger.AccessDecision;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.TimeRange;
import org.medmesh.node.testing.FaultyLink;
import org.medmesh.node.testing.LedgerNode;
import org.medmesh.node.testing.PatientSide;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * The record exchange between three real nodes over HTTP on one embedded ledger: City Hospital and County
 * Hospital hold records, St Mary's asks for them for its patient. City and County are reached through a
 * {@link FaultyLink} (their DID documents name the link's URL), so a test can cut, alter or take down the network
 * between them and St Mary's. Each test makes its own patient.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExchangeIT {
    private Path nodes;
    private PatientSide patients;
    private FaultyLink cityLink;
    private FaultyLink countyLink;
    private LedgerNode city;
    private LedgerNode stMarys;
    private LedgerNode county;

    @BeforeAll
    void start() throws IOException {
        nodes = Files.createTempDirectory("medmesh-exchange-it");
        patients = new PatientSide(Files.createDirectories(nodes.resolve("wallets")));
        cityLink = FaultyLink.open();
        countyLink = FaultyLink.open();
        city = startCity();
        Map<String, Object> stMarysSettings = hospital("StMarysHospitalMSP");
        stMarysSettings.put("medmesh.node.validation", true);
        stMarysSettings.put("medmesh.exchange.timeout", "5s");
        stMarys = LedgerNode.start(stMarysSettings);
        Map<String, Object> countySettings = hospital("CountyHospitalMSP");
        countySettings.put("medmesh.node.public-url", countyLink.url());
        county = LedgerNode.start(countySettings);
        countyLink.to(county.url());
    }

    private LedgerNode startCity() {
        Map<String, Object> settings = hospital("CityHospitalMSP");
        settings.put("medmesh.node.public-url", cityLink.url());
        LedgerNode node = LedgerNode.start(settings);
        cityLink.to(node.url());
        return node;
    }

    @AfterEach
    void healTheNetwork() throws IOException {
        cityLink.heal();
        countyLink.heal();
        countyLink.online();
        cityLink.online();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {county, stMarys, city, cityLink, countyLink}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    private Map<String, Object> hospital(String mspId) {
        return LedgerNode.settings(nodes.resolve(mspId), nodes.resolve("ledger"), mspId);
    }

    // --- a patient with records at City, enrolled at St Mary's, the two DIDs linked there ---

    /** One patient of the test: their wallet identities, their local ids, and what City holds for them. */
    private final class Patient {
        final Wallet wallet = patients.newWallet();
        final PatientIdentity atCity = patients.registered(wallet, city);
        final PatientIdentity atStMarys = patients.registered(wallet, stMarys);
        final String cityId;
        final String stMarysId;

        Patient() {
            cityId = loadRecords(city);
            patients.enrol(city, cityId, atCity);
            stMarysId = PatientSide.createPatient(stMarys, "Linked");
            patients.enrol(stMarys, stMarysId, atStMarys);
            HttpResponse<String> linked = PatientSide.link(stMarys, atStMarys, city, atCity);
            assertThat(linked.statusCode()).as(linked.body()).isEqualTo(201);
        }

        String grant(Provision provision) {
            return patients.grant(city, atCity, provision);
        }

        Did cityDid() {
            return Did.parse(atCity.did().value());
        }
    }

    /** City lets St Mary's see its records for treatment, withholding mental health and HIV. */
    private Provision treatmentWithholdingPsyAndHiv(Period period) {
        return new Provision(ProvisionType.PERMIT, period, List.of(chaincodeDid(stMarys)), List.of(chaincodeDid(city)),
                List.of(PurposeOfUse.TREAT), List.of(), List.of(), List.of(new Provision(ProvisionType.DENY, null,
                        List.of(), List.of(), List.of(), List.of(), List.of(SecurityLabel.PSY, SecurityLabel.HIV),
                        List.of())));
    }

    private static org.medmesh.chaincode.identity.Did chaincodeDid(LedgerNode node) {
        return org.medmesh.chaincode.identity.Did.parse(node.did());
    }

    /**
     * Loads, through City's FHIR API, a patient with: a practitioner (NPI), an encounter, diabetes, a heart rate
     * whose focus is a depression (PSY by the labelling rules), and an HIV test (HIV). Returns the Patient's id.
     */
    private static String loadRecords(LedgerNode node) {
        String npi = String.valueOf(1_000_000_000L + ThreadLocalRandom.current().nextLong(8_999_999_999L));
        String bundle = """
                {"resourceType":"Bundle","type":"transaction","entry":[
                 {"fullUrl":"urn:uuid:%1$s","resource":{"resourceType":"Practitioner",
                   "identifier":[{"system":"http://hl7.org/fhir/sid/us-npi","value":"%2$s"}],"name":[{"family":"Osler"}]},
                  "request":{"method":"POST","url":"Practitioner","ifNoneExist":"identifier=http://hl7.org/fhir/sid/us-npi|%2$s"}},
                 {"fullUrl":"urn:uuid:%3$s","resource":{"resourceType":"Patient","name":[{"family":"Exchange"}],
                   "gender":"female","birthDate":"1970-01-01"},"request":{"method":"POST","url":"Patient"}},
                 {"fullUrl":"urn:uuid:%4$s","resource":{"resourceType":"Encounter","status":"finished",
                   "class":{"system":"http://terminology.hl7.org/CodeSystem/v3-ActCode","code":"AMB"},
                   "subject":{"reference":"urn:uuid:%3$s"},
                   "participant":[{"individual":{"reference":"urn:uuid:%1$s"}}]},
                  "request":{"method":"POST","url":"Encounter"}},
                 {"fullUrl":"urn:uuid:%5$s","resource":{"resourceType":"Condition",
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"44054006","display":"Diabetes"}]},
                   "subject":{"reference":"urn:uuid:%3$s"},"encounter":{"reference":"urn:uuid:%4$s"}},
                  "request":{"method":"POST","url":"Condition"}},
                 {"fullUrl":"urn:uuid:%6$s","resource":{"resourceType":"Condition",
                   "code":{"coding":[{"system":"http://snomed.info/sct","code":"35489007","display":"Depressive disorder"}]},
                   "subject":{"reference":"urn:uuid:%3$s"},"encounter":{"reference":"urn:uuid:%4$s"}},
                  "request":{"method":"POST","url":"Condition"}},
                 {"fullUrl":"urn:uuid:%7$s","resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"8867-4","display":"Heart rate"}]},
                   "subject":{"reference":"urn:uuid:%3$s"},"focus":[{"reference":"urn:uuid:%6$s"}],
                   "valueQuantity":{"value":72,"unit":"/min","system":"http://unitsofmeasure.org","code":"/min"}},
                  "request":{"method":"POST","url":"Observation"}},
                 {"fullUrl":"urn:uuid:%8$s","resource":{"resourceType":"Observation","status":"final",
                   "code":{"coding":[{"system":"http://loinc.org","code":"75622-1","display":"HIV 1 and 2 tests"}]},
                   "subject":{"reference":"urn:uuid:%3$s"},"valueString":"negative"},
                  "request":{"method":"POST","url":"Observation"}}
                ]}""".formatted(UUID.randomUUID(), npi, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        HttpResponse<String> loaded = node.send("POST", "/fhir", bundle, "application/fhir+json", Role.ADMIN);
        assertThat(loaded.statusCode()).as(loaded.body()).isEqualTo(200);
        for (JsonNode entry : json(loaded).get("entry")) {
            String location = entry.at("/response/location").textValue();
            if (location.startsWith("Patient/")) {
                return location.split("/")[1];
            }
        }
        throw new AssertionError("no Patient in " + loaded.body());
    }

    // --- the clinician at St Mary's ---

    private JsonNode fetch(Patient patient, String purpose) {
        return awaited(stMarys.post("/exchange/fetches", body("patient", "Patient/" + patient.stMarysId,
                "purpose", purpose), Role.CLINICIAN));
    }

    private JsonNode awaited(HttpResponse<String> started) {
        return awaited(stMarys, started);
    }

    private static JsonNode awaited(LedgerNode requester, HttpResponse<String> started) {
        JsonNode status = requester.fetchStatus(started, 60);
        assertThat(status.get("done").booleanValue()).as(status.toString()).isTrue();
        return status;
    }

    private static JsonNode only(JsonNode status) {
        assertThat(status.get("holders")).hasSize(1);
        return status.get("holders").get(0);
    }

    /** St Mary's view of its patient: every resource of $everything. */
    private List<JsonNode> everythingAtStMarys(Patient patient) {
        HttpResponse<String> response = stMarys.send("GET", "/fhir/Patient/" + patient.stMarysId
                + "/$everything?_count=1000", null, null, Role.CLINICIAN);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        List<JsonNode> resources = new ArrayList<>();
        json(response).path("entry").forEach(entry -> resources.add(entry.get("resource")));
        return resources;
    }

    /** What St Mary's imported for the patient (its $everything, tagged with an origin). */
    private List<JsonNode> imported(Patient patient) {
        return everythingAtStMarys(patient).stream().filter(r -> r.path("meta").path("tag").findValuesAsText(
                "system").contains(OriginTag.SYSTEM)).toList();
    }

    /** Each imported resource with its version: a new import of the same records makes new versions. */
    private List<String> versions(Patient patient) {
        return imported(patient).stream().map(r -> r.get("id").textValue() + "/" + r.at("/meta/versionId").textValue())
                .sorted().toList();
    }

    /** The Provenance of a transfer, as St Mary's stored it. */
    private JsonNode provenance(JsonNode holder) {
        HttpResponse<String> read = stMarys.send("GET", "/fhir/" + holder.get("provenance").textValue(), null, null,
                Role.CLINICIAN);
        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        JsonNode provenance = json(read);
        assertThat(provenance.path("meta").path("tag").findValuesAsText("system")).contains(OriginTag.SYSTEM);
        return provenance;
    }

    private List<AccessEvent> accessLog(Patient patient) {
        return city.ledger().accessByPatient(patient.cityDid(), TimeRange.all(), PageRequest.first(100)).items();
    }

    // --- the tests ---

    @Test
    @Order(1)
    void a_permitted_fetch_imports_what_the_consent_allows_with_provenance_and_the_access_on_the_ledger() {
        Patient patient = new Patient();
        String consentId = patient.grant(treatmentWithholdingPsyAndHiv(null));

        JsonNode holder = only(fetch(patient, "TREAT"));

        assertThat(holder.get("state").textValue()).as(holder.toString()).isEqualTo("IMPORTED");
        List<JsonNode> imported = imported(patient);
        // Practitioner, Encounter, diabetes, heart rate, and the Provenance; never the depression or the HIV test
        assertThat(imported).extracting(r -> r.get("resourceType").textValue())
                .containsExactlyInAnyOrder("Practitioner", "Encounter", "Condition", "Observation");
        assertThat(imported.toString()).doesNotContain("35489007").doesNotContain("75622-1");
        assertThat(holder.get("imported").intValue()).isEqualTo(4);
        JsonNode heartRate = imported.stream().filter(r -> r.get("resourceType").textValue().equals("Observation"))
                .findFirst().orElseThrow();
        assertThat(heartRate.at("/subject/reference").textValue()).isEqualTo("Patient/" + patient.stMarysId);
        // the withheld depression is referenced at City, not resolved here
        assertThat(heartRate.at("/focus/0/reference").textValue()).startsWith(cityLink.url() + "/fhir/Condition/");
        JsonNode provenance = provenance(holder);
        assertThat(provenance.get("policy").get(0).textValue()).isEqualTo("urn:medmesh:consent:" + consentId);
        assertThat(provenance.at("/entity/0/what/identifier/value").textValue())
                .isEqualTo(holder.get("ledgerTx").textValue());
        assertThat(provenance.at("/agent/0/who/identifier/value").textValue()).isEqualTo(city.did());
        assertThat(provenance.get("target")).hasSize(4);

        List<AccessEvent> log = accessLog(patient);
        assertThat(log).hasSize(1);
        AccessEvent event = log.get(0);
        assertThat(event.decision()).isEqualTo(AccessDecision.PERMIT);
        assertThat(event.requester().value()).isEqualTo(stMarys.did());
        assertThat(event.consentId().value()).isEqualTo(consentId);
        assertThat(event.count()).isEqualTo(5); // the four imported and City's Patient, which St Mary's maps to its own
        assertThat(event.txId()).isEqualTo(holder.get("ledgerTx").textValue());
    }

    @Test
    @Order(2)
    void fetching_again_updates_the_imported_records_instead_of_duplicating_them() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");
        List<String> first = imported(patient).stream().map(r -> r.get("resourceType").textValue() + "/" + r.get("id").textValue())
                .sorted().toList();

        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");

        List<String> second = imported(patient).stream().map(r -> r.get("resourceType").textValue() + "/" + r.get("id").textValue())
                .sorted().toList();
        assertThat(second).isEqualTo(first);
    }

    @Test
    @Order(3)
    void imported_records_are_never_released_to_a_third_hospital() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");
        // The patient's DID at St Mary's lets County see St Mary's records: County gets St Mary's own, not City's.
        PatientIdentity atCounty = patients.registered(patient.wallet, county);
        String countyId = PatientSide.createPatient(county, "Third");
        patients.enrol(county, countyId, atCounty);
        assertThat(PatientSide.link(county, atCounty, stMarys, patient.atStMarys).statusCode()).isEqualTo(201);
        patients.grant(stMarys, patient.atStMarys, new Provision(ProvisionType.PERMIT, null,
                List.of(chaincodeDid(county)), List.of(chaincodeDid(stMarys)), List.of(PurposeOfUse.TREAT),
                List.of(), List.of(), List.of()));

        JsonNode status = awaited(county, county.post("/exchange/fetches", body("patient", "Patient/" + countyId,
                "purpose", "TREAT"), Role.CLINICIAN));

        JsonNode holder = only(status);
        assertThat(holder.get("state").textValue()).as(holder.toString()).isEqualTo("IMPORTED");
        assertThat(holder.get("imported").intValue()).isZero(); // St Mary's holds only the Patient, mapped to County's
    }

    @Test
    @Order(4)
    void without_consent_the_request_is_denied_and_the_deny_is_on_the_ledger() {
        Patient patient = new Patient();

        JsonNode holder = only(fetch(patient, "TREAT"));

        assertThat(holder.get("state").textValue()).isEqualTo("DENIED");
        assertThat(holder.get("code").textValue()).isEqualTo("NO_CONSENT");
        assertThat(imported(patient)).isEmpty();
        List<AccessEvent> log = accessLog(patient);
        assertThat(log).singleElement().satisfies(event -> {
            assertThat(event.decision()).isEqualTo(AccessDecision.DENY);
            assertThat(event.denyReason()).isEqualTo("NO_CONSENT");
            assertThat(event.count()).isZero();
        });
    }

    @Test
    @Order(5)
    void after_revocation_the_next_request_is_denied() throws InterruptedException {
        Patient patient = new Patient();
        String consentId = patient.grant(treatmentWithholdingPsyAndHiv(null));
        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");

        HttpResponse<String> revoked = PatientSide.revoke(stMarys, patient.atCity, consentId);
        assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
        JsonNode holder = null;
        for (int attempt = 0; attempt < 20; attempt++) { // City's consent cache follows the ledger's events
            holder = only(fetch(patient, "TREAT"));
            if (!holder.get("state").textValue().equals("IMPORTED")) {
                break;
            }
            Thread.sleep(250);
        }

        assertThat(holder.get("state").textValue()).isEqualTo("DENIED");
        assertThat(holder.get("code").textValue()).isEqualTo("CONSENT_REVOKED");
    }

    @Test
    @Order(6)
    void an_expired_consent_permits_nothing() throws InterruptedException {
        Patient patient = new Patient();
        Instant end = Instant.now().plusSeconds(4);
        patient.grant(treatmentWithholdingPsyAndHiv(new Period(Instant.now().minusSeconds(60), end)));
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis() + 500));

        JsonNode holder = only(fetch(patient, "TREAT"));

        assertThat(holder.get("state").textValue()).isEqualTo("DENIED");
        assertThat(holder.get("code").textValue()).isEqualTo("CONSENT_EXPIRED");
        assertThat(imported(patient)).isEmpty();
    }

    @Test
    @Order(7)
    void a_purpose_the_consent_does_not_name_is_denied() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));

        JsonNode holder = only(fetch(patient, "HRESCH"));

        assertThat(holder.get("state").textValue()).isEqualTo("DENIED");
        assertThat(holder.get("code").textValue()).isEqualTo("PURPOSE_NOT_PERMITTED");
    }

    @Test
    @Order(8)
    void break_glass_releases_everything_requested_with_the_reason_on_the_ledger_as_break_glass() {
        Patient patient = new Patient();
        String reason = "Unconscious after a road accident, allergies unknown";

        JsonNode status = awaited(stMarys.post("/exchange/break-glass", body("patient", "Patient/"
                + patient.stMarysId, "reasonCode", "UNCONSCIOUS", "reason", reason), Role.CLINICIAN));

        JsonNode holder = only(status);
        assertThat(status.get("breakGlass").booleanValue()).isTrue();
        assertThat(holder.get("state").textValue()).as(holder.toString()).isEqualTo("IMPORTED");
        List<JsonNode> imported = imported(patient);
        assertThat(imported.toString()).contains("35489007").contains("75622-1"); // labels do not hold back an emergency
        JsonNode provenance = provenance(holder);
        assertThat(provenance.get("policy").get(0).textValue()).isEqualTo("urn:medmesh:break-glass:UNCONSCIOUS");
        AccessEvent event = accessLog(patient).get(0);
        assertThat(event.breakGlass()).isNotNull();
        assertThat(event.breakGlass().reasonCode()).isEqualTo("UNCONSCIOUS");
        assertThat(event.breakGlass().reasonHash()).isEqualTo(Sha256.hex(reason));
        assertThat(event.purpose()).isEqualTo("ETREAT");
        assertThat(event.toString()).doesNotContain("road accident"); // the words stay at City

        // the patient sees it through any hospital's relay, proving control of the DID
        HttpResponse<String> refused = stMarys.get("/relay/access");
        assertThat(refused.statusCode()).isEqualTo(401);
        HttpResponse<String> seen = stMarys.send("GET", "/relay/access", null, null, "application/json", null,
                Map.of("MedMesh-DID-Auth", patient.atCity.signedChallengeResponse(stMarys.did(),
                        "medmesh-access-log", Instant.now())));
        assertThat(seen.statusCode()).as(seen.body()).isEqualTo(200);
        JsonNode seenEvent = json(seen).get("events").get(0);
        assertThat(seenEvent.at("/breakGlass/reasonCode").textValue()).isEqualTo("UNCONSCIOUS");
        assertThat(seenEvent.get("requester").textValue()).isEqualTo(stMarys.did());
        assertThat(seenEvent.get("count").intValue()).isEqualTo(7);
    }

    @Test
    @Order(9)
    void break_glass_needs_a_stated_reason() {
        Patient patient = new Patient();

        HttpResponse<String> response = stMarys.post("/exchange/break-glass", body("patient", "Patient/"
                + patient.stMarysId, "reasonCode", "UNCONSCIOUS", "reason", "   "), Role.CLINICIAN);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(accessLog(patient)).isEmpty();
    }

    @Test
    @Order(10)
    void a_break_glass_declared_too_long_ago_is_refused_by_the_holder_and_nothing_is_released() {
        Patient patient = new Patient();
        EmergencyAccess stale = new EmergencyAccess("UNCONSCIOUS", "declared two hours ago",
                Instant.now().minus(Duration.ofHours(2)));

        HttpResponse<String> response = postRequest(city, request(patient, "ETREAT", city, stale));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(json(response).get("code").textValue()).isEqualTo("EXPIRED");
        assertThat(accessLog(patient)).isEmpty();
    }

    @Test
    @Order(11)
    void a_replayed_request_is_refused() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        String request = request(patient, "TREAT", city, null);

        HttpResponse<String> first = postRequest(city, request);
        HttpResponse<String> again = postRequest(city, request);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").textValue()).isEqualTo("REPLAYED");
        assertThat(accessLog(patient)).hasSize(1);
    }

    @Test
    @Order(12)
    void a_request_for_another_node_is_refused() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));

        HttpResponse<String> response = postRequest(city, request(patient, "TREAT", county, null));

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(json(response).get("code").textValue()).isEqualTo("WRONG_AUDIENCE");
        assertThat(accessLog(patient)).isEmpty();
    }

    @Test
    @Order(13)
    void every_bit_flipped_in_the_request_signature_is_refused() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        String request = request(patient, "TREAT", city, null);
        int signatureAt = request.lastIndexOf('.') + 1;
        byte[] signature = java.util.Base64.getUrlDecoder().decode(request.substring(signatureAt));

        for (int bit = 0; bit < signature.length * 8; bit++) {
            byte[] flipped = signature.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            HttpResponse<String> response = postRequest(city, request.substring(0, signatureAt)
                    + PatientSide.b64(flipped));
            assertThat(response.statusCode()).as("bit " + bit).isEqualTo(422);
            assertThat(json(response).get("code").textValue()).as("bit " + bit).isEqualTo("BAD_SIGNATURE");
        }
        // an altered claim under the original signature
        String[] parts = request.split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
                .replace("\"TREAT\"", "\"HOPERAT\"");
        HttpResponse<String> altered = postRequest(city, parts[0] + "." + PatientSide.b64(payload.getBytes()) + "."
                + parts[2]);
        assertThat(json(altered).get("code").textValue()).isEqualTo("BAD_SIGNATURE");
        assertThat(accessLog(patient)).isEmpty();
        // and the untouched request still works: the refusals did not use up its nonce
        assertThat(postRequest(city, request).statusCode()).isEqualTo(200);
    }

    @Test
    @Order(14)
    void an_altered_or_broken_answer_is_rejected_and_nothing_is_imported() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        // a bit flipped in each part of the first envelope (protected header, iv, ciphertext, tag),
        // then dropped, reordered, duplicated and spliced envelopes
        List<java.util.function.UnaryOperator<List<String>>> faults = new ArrayList<>();
        for (int part : new int[] {0, 2, 3, 4}) { // ECDH-ES (direct key agreement) has no encrypted key
            int p = part;
            faults.add(lines -> {
                lines.set(0, flipInPart(lines.get(0), p));
                return lines;
            });
        }
        faults.add(lines -> new ArrayList<>(lines.subList(0, lines.size() - 1))); // manifest dropped
        faults.add(lines -> new ArrayList<>(lines.subList(1, lines.size()))); // first chunk dropped
        faults.add(lines -> {
            lines.add(0, lines.get(0)); // duplicated
            return lines;
        });
        List<List<String>> earlierAnswer = new ArrayList<>();
        faults.add(lines -> {
            List<String> earlier = earlierAnswer.get(0);
            lines.set(lines.size() - 1, earlier.get(earlier.size() - 1)); // an earlier answer's manifest
            return lines;
        });
        faults.add(lines -> {
            List<String> earlier = earlierAnswer.get(0);
            lines.set(0, earlier.get(0)); // an earlier answer's chunk
            return lines;
        });
        for (var fault : faults) {
            assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");
            earlierAnswer.clear();
            earlierAnswer.add(cityLink.lastLines());
            List<String> before = versions(patient);
            cityLink.rewrite(fault);

            JsonNode holder = only(fetch(patient, "TREAT"));

            cityLink.heal();
            assertThat(holder.get("state").textValue()).as(faults.indexOf(fault) + ": " + holder).isEqualTo("INVALID");
            assertThat(versions(patient)).as("nothing stored again").isEqualTo(before);
        }
    }

    private static String flipInPart(String jwe, int part) {
        String[] parts = jwe.split("\\.", -1);
        byte[] bytes = java.util.Base64.getUrlDecoder().decode(parts[part]);
        bytes[bytes.length / 2] ^= 0x10;
        parts[part] = PatientSide.b64(bytes);
        return String.join(".", parts);
    }

    @Test
    @Order(15)
    void a_holder_lost_mid_transfer_leaves_nothing_imported_and_a_retry_works() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        cityLink.cutAfter(0);

        JsonNode cut = only(fetch(patient, "TREAT"));

        assertThat(cut.get("state").textValue()).as(cut.toString()).isIn("UNREACHABLE", "INVALID");
        assertThat(imported(patient)).isEmpty();
        cityLink.heal();
        JsonNode retried = only(fetch(patient, "TREAT"));
        assertThat(retried.get("state").textValue()).isEqualTo("IMPORTED");
        assertThat(imported(patient)).hasSize(4);
    }

    @Test
    @Order(15)
    void a_holder_that_stalls_mid_transfer_is_given_up_after_the_timeout_and_nothing_is_imported() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        cityLink.stallAfter(0);

        JsonNode stalled = only(fetch(patient, "TREAT"));

        cityLink.heal();
        assertThat(stalled.get("state").textValue()).as(stalled.toString()).isEqualTo("UNREACHABLE");
        assertThat(stalled.get("detail").textValue()).contains("took longer");
        assertThat(imported(patient)).isEmpty();
        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");
    }

    @Test
    @Order(16)
    void a_federated_fetch_merges_every_holder_and_reports_one_offline_without_waiting_for_it() throws IOException {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        PatientIdentity atCounty = patients.registered(patient.wallet, county);
        String countyId = loadRecords(county);
        patients.enrol(county, countyId, atCounty);
        assertThat(PatientSide.link(stMarys, patient.atStMarys, county, atCounty).statusCode()).isEqualTo(201);
        patients.grant(county, atCounty, new Provision(ProvisionType.PERMIT, null, List.of(chaincodeDid(stMarys)),
                List.of(chaincodeDid(county)), List.of(PurposeOfUse.TREAT), List.of(), List.of(), List.of()));

        JsonNode both = fetch(patient, "TREAT");
        assertThat(both.get("holders")).extracting(h -> h.get("state").textValue()).containsOnly("IMPORTED");
        // City withholds PSY and HIV (4 resources), County releases everything (6)
        assertThat(imported(patient)).hasSize(10);

        countyLink.offline();
        JsonNode oneOffline = fetch(patient, "TREAT");

        Map<String, String> states = new java.util.HashMap<>();
        oneOffline.get("holders").forEach(h -> states.put(h.get("holder").textValue(), h.get("state").textValue()));
        assertThat(states).containsEntry(city.did(), "IMPORTED").containsEntry(county.did(), "UNREACHABLE");
    }

    @Test
    @Order(17)
    void the_holder_refuses_requests_for_a_patient_it_does_not_know_and_records_the_deny() {
        PatientIdentity stranger = patients.registered(patients.newWallet(), city);
        String jws = signRequest(new ExchangeRequest(Did.parse(stMarys.did()), Did.parse(city.did()),
                Did.parse(stranger.did().value()), "TREAT", List.of(), Instant.now(), Instant.now().plusSeconds(60),
                nonce(), ReplyKey.generate().publicKey()));

        HttpResponse<String> response = postRequest(city, jws);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("code").textValue()).isEqualTo("PATIENT_UNKNOWN");
        assertThat(city.ledger().accessByPatient(Did.parse(stranger.did().value()), TimeRange.all(),
                PageRequest.first(10)).items()).singleElement()
                .satisfies(event -> assertThat(event.denyReason()).isEqualTo("PATIENT_UNKNOWN"));
    }

    @Test
    @Order(18)
    void a_patient_reads_their_own_records_by_did_auth_with_a_challenge_that_answers_once() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        assertThat(only(fetch(patient, "TREAT")).get("state").textValue()).isEqualTo("IMPORTED");

        HttpResponse<String> atCity = ownRecords(city, patient.atCity, challenge(city, patient.atCity));
        String challenge = challenge(stMarys, patient.atStMarys);
        HttpResponse<String> atStMarys = ownRecords(stMarys, patient.atStMarys, challenge);

        assertThat(atCity.statusCode()).as(atCity.body()).isEqualTo(200);
        assertThat(atCity.headers().firstValue("Content-Type").orElse("")).startsWith("application/fhir+json");
        // the patient's own records are not filtered by any consent: the depression and the HIV test included
        assertThat(atCity.body()).contains("35489007").contains("75622-1").doesNotContain("\"AuditEvent\"");
        // St Mary's holds its own Patient and what it received from City
        assertThat(json(atStMarys).get("entry")).hasSize(1 + imported(patient).size());
        assertThat(ownRecords(stMarys, patient.atStMarys, challenge).statusCode()).isEqualTo(422); // used once
        assertThat(ownRecords(stMarys, patient.atStMarys, challenge(stMarys, patient.atCity)).statusCode())
                .isEqualTo(422); // a challenge issued for another DID
        PatientIdentity stranger = patients.registered(patients.newWallet(), stMarys);
        assertThat(ownRecords(stMarys, stranger, challenge(stMarys, stranger)).statusCode()).isEqualTo(404);
        assertThat(stMarys.get("/patients/records", "application/fhir+json").statusCode()).isEqualTo(401);
    }

    private static String challenge(LedgerNode node, PatientIdentity identity) {
        HttpResponse<String> issued = node.post("/patients/challenges", body("did", identity.did().value()), null);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        assertThat(json(issued).get("audience").textValue()).isEqualTo(node.did());
        return json(issued).get("challenge").textValue();
    }

    private static HttpResponse<String> ownRecords(LedgerNode node, PatientIdentity identity, String challenge) {
        return node.send("GET", "/patients/records", null, null, "application/fhir+json", null, Map.of(
                "MedMesh-Challenge", challenge,
                "MedMesh-DID-Auth", identity.signedChallengeResponse(node.did(), challenge, Instant.now())));
    }

    @Test
    @Order(90)
    void a_replay_is_refused_after_the_holder_restarts() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        String request = request(patient, "TREAT", city, null);
        assertThat(postRequest(city, request).statusCode()).isEqualTo(200);

        city.close();
        city = startCity();

        HttpResponse<String> again = postRequest(city, request);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").textValue()).isEqualTo("REPLAYED");
    }

    @Test
    @Order(99)
    void with_its_ledger_down_the_holder_releases_nothing() {
        Patient patient = new Patient();
        patient.grant(treatmentWithholdingPsyAndHiv(null));
        city.ledger().close();

        HttpResponse<String> direct = postRequest(city, request(patient, "TREAT", city, null));
        JsonNode holder = only(fetch(patient, "TREAT"));

        assertThat(direct.statusCode()).as(direct.body()).isEqualTo(503);
        assertThat(direct.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(holder.get("state").textValue()).isEqualTo("UNAVAILABLE");
        assertThat(imported(patient)).isEmpty();
        city.close();
        city = startCity();
    }

    // --- requests signed with St Mary's own node keys, sent straight to a holder ---

    private String request(Patient patient, String purpose, LedgerNode audience, EmergencyAccess emergency) {
        Instant now = Instant.now();
        return signRequest(new ExchangeRequest(Did.parse(stMarys.did()), Did.parse(audience.did()),
                patient.cityDid(), purpose, List.of(), now, now.plusSeconds(60), nonce(),
                ReplyKey.generate().publicKey(), emergency));
    }

    private String signRequest(ExchangeRequest request) {
        return ExchangeRequestCodec.sign(request, stMarys.bean(NodeKeys.class));
    }

    private static String nonce() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    private static HttpResponse<String> postRequest(LedgerNode holder, String jws) {
        return holder.send("POST", "/exchange/requests", jws, "application/jose",
                "application/vnd.medmesh.exchange-stream, application/problem+json", null);
    }
}
