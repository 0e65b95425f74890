package org.medmesh.node.cli;

import ca.uhn.fhir.context.FhirContext;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.BiConsumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.medmesh.node.adapter.in.fhir.auth.NodeTokens;
import org.medmesh.node.adapter.in.fhir.auth.Role;

/**
 * The demo's second part: City Hospital's node serves its own records over FHIR. It starts a real node (H2 under
 * the demo's data directory, a free port), loads a small synthetic patient as a transaction, and reads it back
 * the way the hospital's EHR would: search, read, {@code $everything}, and a refusal without a token.
 */
final class DemoRecords {
    private static final FhirContext FHIR = FhirContext.forR4Cached();

    private final PrintStream out;
    private final BiConsumer<String, Boolean> step;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    DemoRecords(PrintStream out, BiConsumer<String, Boolean> step) {
        this.out = out;
        this.step = step;
    }

    void tell(Path dataDir) {
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "medmesh.node.data-dir", dataDir.resolve("city-node").toString()));
        try {
            String base = server.getURL().toString().replaceAll("/$", "") + "/fhir";
            String token = NodeTokens.loadOrCreate(dataDir.resolve("city-node")).issue("ehr@city", Role.ADMIN,
                    "system/*.*", Duration.ofMinutes(10), Clock.systemUTC());
            out.println("  City Hospital's node serves FHIR at " + base);
            HttpResponse<String> loaded = send(base, "POST", "", FHIR.newJsonParser().encodeResourceToString(
                    patientBundle()), token);
            if (loaded.statusCode() != 200) {
                out.println("  the node answered " + loaded.statusCode() + ": " + loaded.body());
            }
            step.accept("City Hospital's EHR loads a patient and a lab result in one FHIR transaction (validated)",
                    loaded.statusCode() == 200);
            String patientId = FHIR.newJsonParser().parseResource(Bundle.class, loaded.body()).getEntryFirstRep()
                    .getResponse().getLocation().split("/")[1];
            Bundle found = bundle(send(base, "GET", "/Patient?family=Demo-Patient&birthdate=1980-04-02", null,
                    token));
            step.accept("A clinician finds the patient by name and birth date", found.getTotal() == 1);
            Bundle everything = bundle(send(base, "GET", "/Patient/" + patientId + "/$everything", null, token));
            step.accept("Patient/$everything returns the patient and the lab result", everything.getTotal() == 2);
            step.accept("Without a token the node answers 401",
                    send(base, "GET", "/Patient/" + patientId, null, null).statusCode() == 401);
        } finally {
            server.getApplicationContext().close();
        }
    }

    private static Bundle patientBundle() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
        Patient patient = new Patient();
        patient.addName().setFamily("Demo-Patient").addGiven("Synthetic");
        patient.setBirthDateElement(new org.hl7.fhir.r4.model.DateType("1980-04-02"));
        String patientUrn = "urn:uuid:" + java.util.UUID.randomUUID();
        bundle.addEntry().setFullUrl(patientUrn).setResource(patient).getRequest()
                .setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
        Observation glucose = new Observation();
        glucose.setStatus(Observation.ObservationStatus.FINAL);
        glucose.getCode().addCoding().setSystem("http://loinc.org").setCode("2339-0").setDisplay("Glucose");
        glucose.getSubject().setReference(patientUrn);
        glucose.setValue(new Quantity().setValue(95).setUnit("mg/dL").setSystem("http://unitsofmeasure.org")
                .setCode("mg/dL"));
        bundle.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(glucose).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
        return bundle;
    }

    private static Bundle bundle(HttpResponse<String> response) {
        return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    }

    private HttpResponse<String> send(String base, String method, String path, String body, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/fhir+json").header("Content-Type", "application/fhir+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("the demo node did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
