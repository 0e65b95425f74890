package org.medmesh.node.adapter.in.fhir;

import org.junit.jupiter.api.AfterAll;
import org.medmesh.node.testing.PostgresSchema;

/** The FHIR API with its store on the machine's PostgreSQL, in a schema of its own. */
class FhirApiPostgresIT extends FhirApiContractTest {
    private static final PostgresSchema SCHEMA = PostgresSchema.create("medmesh_fhir_it");

    FhirApiPostgresIT() {
        super(FhirNode.start(SCHEMA.jdbcUrl(), PostgresSchema.USER));
    }

    @AfterAll
    void dropSchema() {
        SCHEMA.drop();
    }
}
