package org.medmesh.fhirstore;

/** The store contract on the machine's PostgreSQL, in a schema of its own that is dropped afterwards. */
class JdbcResourceStorePostgresIT extends ResourceStoreContract {
    private String schema;

    @Override
    StoreSettings createDatabase() throws Exception {
        schema = Postgres.createSchema("fhir_it_");
        return Postgres.settings(schema, 4);
    }

    @Override
    void dropDatabase() throws Exception {
        Postgres.dropSchema(schema);
    }
}
