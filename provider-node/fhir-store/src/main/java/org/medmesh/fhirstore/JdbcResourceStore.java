package org.medmesh.fhirstore;

import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import java.util.Map;

import ca.uhn.fhir.context.FhirContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FHIR R4 resource store on H2 or PostgreSQL: versioned resources and search indexes written in the same
 * transaction. Open once per process (it owns a connection pool) and close at shutdown.
 *
 * <pre>{@code
 * try (JdbcResourceStore store = JdbcResourceStore.open(settings, fhirContext)) {
 *     StoredResource patient = store.inTransaction(tx -> tx.create(new Patient()));
 * }
 * }</pre>
 */
public final class JdbcResourceStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcResourceStore.class);

    private final HikariDataSource dataSource;
    private final FhirContext context;
    private final SearchParamIndexer indexer;
    private final Names names;
    private final Clock clock;

    private JdbcResourceStore(HikariDataSource dataSource, FhirContext context, Clock clock) {
        this.dataSource = dataSource;
        this.context = context;
        this.indexer = new SearchParamIndexer(context);
        this.names = new Names(context);
        this.clock = clock;
    }

    /** Opens the pool and migrates the schema (Flyway, history table {@code fhir_schema_history}). */
    public static JdbcResourceStore open(StoreSettings settings, FhirContext context) {
        return open(settings, context, Clock.systemUTC());
    }

    /** As {@link #open(StoreSettings, FhirContext)}, with the clock that stamps {@code meta.lastUpdated}. */
    public static JdbcResourceStore open(StoreSettings settings, FhirContext context, Clock clock) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(clock, "clock");
        Vendor vendor = Vendor.of(settings.jdbcUrl());
        HikariDataSource dataSource = new HikariDataSource(poolConfig(settings, vendor));
        try {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(vendor.migrations())
                    .table("fhir_schema_history")
                    .baselineOnMigrate(true)
                    .baselineVersion("0")
                    .load()
                    .migrate();
            LOG.info("FHIR store schema at version {} ({} migrations applied)", result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            dataSource.close();
            throw new StoreException(StoreException.Code.STORAGE, "cannot migrate the FHIR store schema", e);
        }
        return new JdbcResourceStore(dataSource, context, clock);
    }

    private static HikariConfig poolConfig(StoreSettings settings, Vendor vendor) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("fhir-store");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        config.setAutoCommit(false);
        vendor.tune(config);
        return config;
    }

    /**
     * Runs the work in one database transaction and commits it; if the work or the commit throws, everything it
     * wrote is rolled back and the exception propagates (database failures as {@link StoreException}).
     */
    /**
     * The search parameters this store answers for {@code type} (besides {@code _id} and {@code _lastUpdated}),
     * name to FHIR parameter type: what a CapabilityStatement should declare, and nothing more.
     */
    public Map<String, RestSearchParameterTypeEnum> searchParameters(String type) {
        Map<String, RestSearchParameterTypeEnum> params = new java.util.TreeMap<>();
        indexer.params(type).forEach((name, param) -> params.put(name, param.kind()));
        return params;
    }

    public <T> T inTransaction(Function<StoreTransaction, T> work) {
        Objects.requireNonNull(work, "work");
        try (Connection connection = dataSource.getConnection()) {
            try {
                T result;
                try (JdbcStoreTransaction transaction = new JdbcStoreTransaction(connection, indexer, context, names,
                        clock)) {
                    result = work.apply(transaction);
                    transaction.flush();
                }
                connection.commit();
                return result;
            } catch (RuntimeException | Error | SQLException e) {
                rollback(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw Jdbc.failure("the store could not commit", e);
        }
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
