package org.medmesh.fhirstore;

import java.sql.DriverManager;
import java.util.UUID;

/** The store contract on an in-memory H2 database of its own. */
class JdbcResourceStoreH2Test extends ResourceStoreContract {
    private String url;

    @Override
    StoreSettings createDatabase() {
        url = "jdbc:h2:mem:fhir_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1";
        return new StoreSettings(url, "sa", "", 4);
    }

    @Override
    void dropDatabase() throws Exception {
        try (var connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }
}
