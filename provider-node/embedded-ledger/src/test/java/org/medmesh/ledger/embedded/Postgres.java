package org.medmesh.ledger.embedded;

/** The PostgreSQL that integration tests use: the machine's own, trust auth (see the root README). */
final class Postgres {
    static final String URL = System.getProperty("medmesh.test.pg.url",
            System.getenv().getOrDefault("MEDMESH_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres"));
    static final String USER = System.getProperty("medmesh.test.pg.user",
            System.getenv().getOrDefault("MEDMESH_TEST_PG_USER", "postgres"));

    private Postgres() {}
}
