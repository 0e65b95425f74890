package org.medmesh.node.adapter.in.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/** The node's FHIR API over real HTTP, on whatever database the subclass gives it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FhirApiContractTest {
    private final FhirNode node;

    FhirApiContractTest(FhirNode node) {
        this.node = node;
    }

    @AfterAll
    void stop() {
        node.close();
    }

    @Nested
    class Metadata {
        @Test
        void is_served_without_a_token_and_lists_each_types_search_parameters() {
            HttpResponse<String> response = node.get("/metadata", null);

            assertThat(response.statusCode()).isEqualTo(200);
            CapabilityStatement statement = parse(response, CapabilityStatement.class);
            var patient = statement.getRestFirstRep().getResource().stream()
                    .filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
            assertThat(patient.getSearchParam()).extracting(p -> p.getName())
                    .contains("_id", "identifier", "family", "birthdate", "gender").doesNotContain("code");
        }
    }

    @Nested
    class Security {
        @Test
        void refuses_a_request_without_a_token_with_401_and_an_operation_outcome() {
            HttpResponse<String> response = node.get("/Patient", null);

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(parse(response, OperationOutcome.class).getIssueFirstRep().getDiagnostics())
                    .contains("bearer token");
        }

        @Test
        void refuses_a_forged_token() {
            // Change the signature's first character: its last one carries padding bits a decoder may ignore, and
            // replacing it left the signature unchanged in one run of sixteen.
            String token = node.token(Role.ADMIN);
            int signature = token.lastIndexOf('.') + 1;
            char changed = token.charAt(signature) == 'A' ? 'B' : 'A';
            String forged = token.substring(0, signature) + changed + token.substring(signature + 1);
            HttpResponse<String> response = node.send("GET", "/Patient", null, null,
                    Map.of("Authorization", "Bearer " + forged));

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void lets_an_auditor_read_audit_events_but_not_patients() {
            assertThat(node.get("/Patient", Role.AUDITOR).statusCode()).isEqualTo(403);
            assertThat(node.get("/AuditEvent", Role.AUDITOR).statusCode()).isEqualTo(200);
        }

        @Test
        void records_each_read_as_an_audit_event() {
            String id = create(patient("audit-" + UUID.randomUUID()));
            node.get("/Patient/" + id, Role.CLINICIAN);

            Bundle audits = parse(node.get("/AuditEvent?_count=500", Role.AUDITOR), Bundle.class);
            assertThat(audits.getEntry()).anySatisfy(e -> assertThat(e.getResource().toString()).isNotNull());
            assertThat(node.get("/AuditEvent?_count=500", Role.AUDITOR).body()).contains("Patient/" + id);
        }
    }

    @Nested
    class Crud {
        @Test
        void creates_reads_updates_and_keeps_every_version() {
            String id = create(patient("crud-" + UUID.randomUUID()));
            Patient changed = parse(node.get("/Patient/" + id, Role.CLINICIAN), Patient.class);
            changed.setGender(Enumerations.AdministrativeGender.FEMALE);

            HttpResponse<String> update = node.send("PUT", "/Patient/" + id, encode(changed), Role.CLINICIAN,
                    Map.of("If-Match", "W/\"1\""));

            assertThat(update.statusCode()).isEqualTo(200);
            assertThat(parse(node.get("/Patient/" + id + "/_history/1", Role.CLINICIAN), Patient.class)
                    .hasGender()).isFalse();
            assertThat(parse(node.get("/Patient/" + id, Role.CLINICIAN), Patient.class).getMeta().getVersionId())
                    .isEqualTo("2");
            assertThat(parse(node.get("/Patient/" + id + "/_history", Role.CLINICIAN), Bundle.class).getTotal())
                    .isEqualTo(2);
        }

        @Test
        void refuses_an_update_against_a_stale_version_with_412() {
            String id = create(patient("stale-" + UUID.randomUUID()));
            Patient current = parse(node.get("/Patient/" + id, Role.CLINICIAN), Patient.class);
            node.send("PUT", "/Patient/" + id, encode(current), Role.CLINICIAN, Map.of("If-Match", "W/\"1\""));

            HttpResponse<String> stale = node.send("PUT", "/Patient/" + id, encode(current), Role.CLINICIAN,
                    Map.of("If-Match", "W/\"1\""));

            assertThat(stale.statusCode()).isEqualTo(412);
        }

        @Test
        void answers_410_for_a_deleted_resource_and_404_for_an_unknown_one() {
            String id = create(patient("gone-" + UUID.randomUUID()));

            assertThat(node.send("DELETE", "/Patient/" + id, null, Role.ADMIN, Map.of()).statusCode())
                    .isIn(200, 204);
            assertThat(node.get("/Patient/" + id, Role.CLINICIAN).statusCode()).isEqualTo(410);
            assertThat(node.get("/Patient/" + UUID.randomUUID(), Role.CLINICIAN).statusCode()).isEqualTo(404);
        }

        @Test
        void refuses_a_resource_with_an_unknown_element_and_stores_nothing() {
            String family = "invalid-" + UUID.randomUUID();
            String body = "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}],\"colour\":\"x\"}";

            HttpResponse<String> response = node.send("POST", "/Patient", body, Role.CLINICIAN, Map.of());

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(parse(response, OperationOutcome.class).getIssue()).isNotEmpty();
            assertThat(parse(node.get("/Patient?family=" + family, Role.CLINICIAN), Bundle.class).getTotal())
                    .isZero();
        }

        @Test
        void refuses_a_resource_that_breaks_the_r4_profile_with_422_and_stores_nothing() {
            String identifier = UUID.randomUUID().toString();
            // Parses, but Observation.code is required (1..1) and obs-6 forbids dataAbsentReason next to a value.
            String body = "{\"resourceType\":\"Observation\",\"status\":\"final\","
                    + "\"identifier\":[{\"system\":\"urn:test\",\"value\":\"" + identifier + "\"}],"
                    + "\"valueString\":\"x\",\"dataAbsentReason\":{\"text\":\"unknown\"}}";

            HttpResponse<String> response = node.send("POST", "/Observation", body, Role.CLINICIAN, Map.of());

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(parse(response, OperationOutcome.class).getIssue())
                    .anyMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                            && i.getDiagnostics().contains("Observation.code"))
                    .anyMatch(i -> i.getDiagnostics().contains("obs-6"));
            assertThat(ids("/Observation?identifier=urn:test%7C" + identifier)).isEmpty();
        }

        @Test
        void refuses_a_transaction_with_one_invalid_entry_and_stores_none_of_it() {
            String family = "Invalid" + UUID.randomUUID().toString().substring(0, 8);
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient(family))
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
            org.hl7.fhir.r4.model.AllergyIntolerance allergy = new org.hl7.fhir.r4.model.AllergyIntolerance();
            allergy.getPatient().setReference("Patient/anyone");
            allergy.getClinicalStatus().addCoding()
                    .setSystem("http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical").setCode("bogus");
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(allergy)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("AllergyIntolerance");

            HttpResponse<String> response = node.send("POST", "", encode(bundle), Role.ADMIN, Map.of());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(parse(response, OperationOutcome.class).getIssue())
                    .anyMatch(i -> i.getDiagnostics().contains("bogus"));
            assertThat(ids("/Patient?family=" + family)).isEmpty();
        }

        @Test
        void labels_a_mental_health_condition_at_ingest() {
            Condition condition = new Condition();
            condition.getSubject().setReference("Patient/" + create(patient("Labelled")));
            condition.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("35489007");

            String id = create(condition);

            Condition stored = parse(node.get("/Condition/" + id, Role.CLINICIAN), Condition.class);
            assertThat(stored.getMeta().getSecurity()).extracting(c -> c.getCode()).contains("PSY", "R");
        }
    }

    @Nested
    class Search {
        @Test
        void finds_patients_by_identifier_name_gender_and_birthdate() {
            String system = "urn:oid:1.2.36.146.595.217.0.1";
            String value = UUID.randomUUID().toString();
            Patient patient = patient("Searchable" + value.substring(0, 8));
            patient.addIdentifier().setSystem(system).setValue(value);
            patient.setGender(Enumerations.AdministrativeGender.MALE);
            patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1970-03-04"));
            String id = create(patient);

            assertThat(ids("/Patient?identifier=" + system + "%7C" + value)).containsExactly(id);
            assertThat(ids("/Patient?family=searchable" + value.substring(0, 8) + "&gender=male"
                    + "&birthdate=ge1970-01-01&birthdate=lt1970-12-31")).containsExactly(id);
            assertThat(ids("/Patient?identifier=" + system + "%7C" + value + "&gender=female")).isEmpty();
        }

        @Test
        void pages_results_with_next_links() {
            String family = "Paged" + UUID.randomUUID().toString().substring(0, 8);
            for (int i = 0; i < 5; i++) {
                create(patient(family));
            }

            Bundle first = parse(node.get("/Patient?family=" + family + "&_count=2", Role.CLINICIAN), Bundle.class);

            assertThat(first.getTotal()).isEqualTo(5);
            assertThat(first.getEntry()).hasSize(2);
            assertThat(first.getLink("next")).isNotNull();
        }

        @Test
        void refuses_an_unknown_search_parameter_with_400() {
            assertThat(node.get("/Patient?shoesize=42", Role.CLINICIAN).statusCode()).isEqualTo(400);
        }
    }

    @Nested
    class Transactions {
        @Test
        void loads_synthea_style_bundles_and_everything_returns_what_was_loaded_and_what_it_references()
                throws Exception {
            HttpResponse<String> practitioners = postBundle("fhir/synthea-practitioners.json");
            HttpResponse<String> patientBundle = postBundle("fhir/synthea-patient.json");

            assertThat(practitioners.statusCode()).as(practitioners.body()).isEqualTo(200);
            assertThat(patientBundle.statusCode()).as(patientBundle.body()).isEqualTo(200);
            Bundle response = parse(patientBundle, Bundle.class);
            String patientId = response.getEntryFirstRep().getResponse().getLocation().split("/")[1];
            Bundle everything = parse(node.get("/Patient/" + patientId + "/$everything?_count=100", Role.CLINICIAN),
                    Bundle.class);
            java.util.List<String> returned = everything.getEntry().stream()
                    .map(e -> e.getResource().fhirType() + "/" + e.getResource().getIdElement().getIdPart()).toList();
            for (Bundle.BundleEntryComponent entry : response.getEntry()) {
                String location = entry.getResponse().getLocation();
                assertThat(returned).contains(location.substring(0, location.indexOf("/_history")));
            }
            assertThat(returned).anyMatch(r -> r.startsWith("Organization/"));
        }

        @Test
        void rolls_back_the_whole_transaction_when_one_entry_fails() {
            String family = "Rollback" + UUID.randomUUID().toString().substring(0, 8);
            Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(patient(family))
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
            Condition orphan = new Condition();
            orphan.getSubject().setReference("Patient?identifier=urn:none%7C" + UUID.randomUUID());
            bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(orphan)
                    .getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");

            HttpResponse<String> response = node.send("POST", "", encode(bundle), Role.ADMIN, Map.of());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(412);
            assertThat(ids("/Patient?family=" + family)).isEmpty();
        }

        private HttpResponse<String> postBundle(String resource) throws java.io.IOException {
            try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
                String body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                return node.send("POST", "", body, Role.ADMIN, Map.of());
            }
        }
    }

    @Nested
    class GenericClient {
        @Test
        void a_standard_hapi_client_creates_searches_and_reads() {
            IGenericClient client = FhirNode.FHIR.newRestfulGenericClient(node.base());
            client.registerInterceptor(new BearerTokenAuthInterceptor(node.token(Role.CLINICIAN)));
            String family = "Client" + UUID.randomUUID().toString().substring(0, 8);

            String id = client.create().resource(patient(family)).execute().getId().getIdPart();
            Bundle found = client.search().forResource(Patient.class)
                    .where(Patient.FAMILY.matches().value(family)).returnBundle(Bundle.class).execute();
            Patient read = client.read().resource(Patient.class).withId(id).execute();

            assertThat(found.getEntry()).hasSize(1);
            assertThat(read.getNameFirstRep().getFamily()).isEqualTo(family);
        }
    }

    String create(org.hl7.fhir.r4.model.Resource resource) {
        HttpResponse<String> response = node.send("POST", "/" + resource.fhirType(), encode(resource),
                Role.CLINICIAN, Map.of());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return FhirNode.FHIR.newJsonParser().parseResource(response.body()).getIdElement().getIdPart();
    }

    java.util.List<String> ids(String query) {
        return parse(node.get(query, Role.CLINICIAN), Bundle.class).getEntry().stream()
                .map(e -> e.getResource().getIdElement().getIdPart()).toList();
    }

    static Patient patient(String family) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).addGiven("Test");
        return patient;
    }

    static String encode(org.hl7.fhir.r4.model.Resource resource) {
        return FhirNode.FHIR.newJsonParser().encodeResourceToString(resource);
    }

    static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(HttpResponse<String> response,
            Class<T> type) {
        return FhirNode.FHIR.newJsonParser().parseResource(type, response.body());
    }
}
