package org.medmesh.fhirstore;

import ca.uhn.fhir.context.FhirContext;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;

/**
 * Not a test: a quick ingest measurement. Creates synthetic Observations in transactions of 500 on a fresh
 * PostgreSQL schema (or H2 with the argument {@code h2}) and prints resources per second. Run from the module with
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.medmesh.fhirstore.IngestMicroRun [h2]}.
 */
public final class IngestMicroRun {
    private static final int BATCH = 500;

    private IngestMicroRun() {}

    public static void main(String[] args) throws Exception {
        boolean h2 = args.length > 0 && args[0].equals("h2");
        int total = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        String schema = h2 ? null : Postgres.createSchema("fhir_bench_");
        StoreSettings settings = h2
                ? new StoreSettings("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1", "sa", "", 4)
                : Postgres.settings(schema, 4);
        FhirContext context = FhirContext.forR4Cached();
        try (JdbcResourceStore store = JdbcResourceStore.open(settings, context)) {
            ingest(store, 2_000); // warm-up: JIT, statement caches
            long start = System.nanoTime();
            ingest(store, total);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%s: %d Observations in transactions of %d: %.2f s, %.0f resources/s%n",
                    h2 ? "H2" : "PostgreSQL", total, BATCH, seconds, total / seconds);
        } finally {
            if (schema != null) {
                Postgres.dropSchema(schema);
            }
        }
    }

    private static void ingest(JdbcResourceStore store, int total) {
        for (int done = 0; done < total; done += BATCH) {
            List<Observation> batch = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                batch.add(observation(done + i));
            }
            store.inTransaction(tx -> {
                batch.forEach(tx::create);
                return null;
            });
        }
    }

    private static Observation observation(int n) {
        Observation observation = new Observation();
        observation.addIdentifier().setSystem("urn:bench").setValue(UUID.randomUUID().toString());
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept().addCoding(new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category", "vital-signs", "Vital signs")));
        observation.setCode(new CodeableConcept().addCoding(new Coding("http://loinc.org", "8867-4", "Heart rate")));
        observation.setSubject(new Reference("Patient/p" + (n % 100)));
        observation.setEncounter(new Reference("Encounter/e" + (n % 300)));
        observation.setEffective(new DateTimeType("2020-03-04T10:11:12Z"));
        observation.setValue(new Quantity().setValue(60 + n % 40).setUnit("/min").setSystem("http://unitsofmeasure.org")
                .setCode("/min"));
        return observation;
    }
}
