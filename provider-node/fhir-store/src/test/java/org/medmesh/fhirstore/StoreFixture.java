package org.medmesh.fhirstore;

import ca.uhn.fhir.context.FhirContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One store per test class on a database the subclass provides, emptied before each test; resource builders. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreFixture {
    static final FhirContext FHIR = FhirContext.forR4Cached();
    static final String LOINC = "http://loinc.org";
    static final List<String> TABLES = List.of("fhir_resource", "fhir_resource_version", "fhir_idx_token",
            "fhir_idx_string", "fhir_idx_date", "fhir_idx_reference", "fhir_patient_compartment");

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    JdbcResourceStore store;
    private StoreSettings settings;

    /** Creates an empty database (or schema) for this class. */
    abstract StoreSettings createDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeAll
    void openStore() throws Exception {
        settings = createDatabase();
        store = JdbcResourceStore.open(settings, FHIR, clock);
    }

    @AfterAll
    void closeStore() throws Exception {
        store.close();
        dropDatabase();
    }

    @BeforeEach
    void emptyTables() throws Exception {
        clock.set(Instant.parse("2026-01-01T00:00:00Z"));
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.execute("DELETE FROM " + table);
            }
        }
    }

    long rowCount(String table) throws Exception {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(),
                settings.password()); Statement statement = connection.createStatement();
                var rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    StoredResource create(IBaseResource resource) {
        clock.advance(Duration.ofSeconds(1));
        return store.inTransaction(tx -> tx.create(resource));
    }

    StoredResource update(IBaseResource resource, Long expectedVersion) {
        clock.advance(Duration.ofSeconds(1));
        return store.inTransaction(tx -> tx.update(resource, expectedVersion));
    }

    StoredResource delete(String type, String id) {
        clock.advance(Duration.ofSeconds(1));
        return store.inTransaction(tx -> tx.delete(type, id));
    }

    java.util.Optional<StoredResource> read(String type, String id) {
        return store.inTransaction(tx -> tx.read(type, id));
    }

    java.util.Optional<StoredResource> vread(String type, String id, long version) {
        return store.inTransaction(tx -> tx.vread(type, id, version));
    }

    List<StoredResource> history(String type, String id, Instant since, int offset, int count) {
        return store.inTransaction(tx -> tx.history(type, id, since, offset, count));
    }

    SearchResult search(String type, SearchCriterion... criteria) {
        return store.inTransaction(tx -> tx.search(new SearchQuery(type, List.of(criteria), null, 0, 100)));
    }

    List<String> ids(String type, SearchCriterion... criteria) {
        return search(type, criteria).page().stream().map(StoredResource::id).sorted().toList();
    }

    static StoreException.Code codeOf(Throwable e) {
        return ((StoreException) e).code();
    }

    static Patient patient(String family, String... given) {
        Patient patient = new Patient();
        patient.addName().setFamily(family).setGiven(java.util.Arrays.stream(given)
                .map(org.hl7.fhir.r4.model.StringType::new).toList());
        return patient;
    }

    static Observation observation(String patientId, String loincCode, String effective) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.setCode(new CodeableConcept().addCoding(new Coding(LOINC, loincCode, null)));
        if (patientId != null) {
            observation.setSubject(new Reference("Patient/" + patientId));
        }
        if (effective != null) {
            observation.setEffective(new DateTimeType(effective));
        }
        return observation;
    }
}
