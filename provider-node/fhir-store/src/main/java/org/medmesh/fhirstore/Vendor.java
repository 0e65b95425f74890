package org.medmesh.fhirstore;

import com.zaxxer.hikari.HikariConfig;

/** The databases the store runs on; their migrations differ in column types only. */
enum Vendor {
    H2("h2"),
    POSTGRESQL("postgresql");

    private final String folder;

    Vendor(String folder) {
        this.folder = folder;
    }

    static Vendor of(String jdbcUrl) {
        return jdbcUrl.startsWith("jdbc:postgresql:") ? POSTGRESQL : H2;
    }

    String migrations() {
        return "classpath:db/fhir/" + folder;
    }

    void tune(HikariConfig config) {
        if (this == POSTGRESQL) {
            // One multi-row INSERT per batch instead of one statement per row: most of the ingest speed.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
    }
}
