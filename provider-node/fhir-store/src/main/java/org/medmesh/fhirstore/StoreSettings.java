package org.medmesh.fhirstore;

import java.util.Objects;

/**
 * Where the store keeps its tables: an H2 ({@code jdbc:h2:}) or PostgreSQL ({@code jdbc:postgresql:}) JDBC URL,
 * its credentials and the size of the connection pool.
 */
public record StoreSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
    public StoreSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        password = password == null ? "" : password;
        if (!jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("the FHIR store supports H2 and PostgreSQL JDBC URLs only");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", maxPoolSize=" + maxPoolSize + "]";
    }
}
