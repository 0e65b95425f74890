package org.medmesh.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.config.EmbeddedNetwork;
import org.medmesh.node.config.LedgerSettings;

/**
 * The benchmark's embedded ledger as {@code medmesh demo} opens it (embedded defaults, H2 file), with the
 * patients' two organisations enrolled and registered and every patient's DID registered.
 */
final class BenchSetup implements AutoCloseable {
    static final String CITY = "CityHospitalMSP";
    static final String ST_MARYS = "StMarysHospitalMSP";

    private final EmbeddedLedger ledger;
    private final LedgerClient holder;
    private final LedgerClient grantee;

    private BenchSetup(EmbeddedNetwork network, BenchPatients patients) {
        this.ledger = network.open();
        this.holder = new EmbeddedLedgerClient(ledger, network.identity(patients.holder()));
        this.grantee = new EmbeddedLedgerClient(ledger, network.identity(patients.grantee()));
    }

    /** Opens the ledger in {@code dataDir} and registers both organisations and every patient. */
    static BenchSetup open(Path dataDir, BenchPatients patients, int threads, SecureRandom random) {
        EmbeddedNetwork network = new EmbeddedNetwork(LedgerSettings.embeddedDefaults(dataDir));
        network.enrol(patients.holder());
        network.enrol(patients.grantee());
        BenchSetup setup = new BenchSetup(network, patients);
        try {
            BenchPatients.registerOrganization(setup.holder, patients.holder(), "http://127.0.0.1:8081", random);
            BenchPatients.registerOrganization(setup.grantee, patients.grantee(), "http://127.0.0.1:8082", random);
            patients.register(threads, setup::relay);
            return setup;
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    /** The organisation relaying operation {@code index}: the two alternate, as two nodes sharing the ledger. */
    LedgerClient relay(int index) {
        return index % 2 == 0 ? holder : grantee;
    }

    /** The organisation holding the records. */
    LedgerClient holder() {
        return holder;
    }

    /** The organisation the grants permit to receive them. */
    LedgerClient grantee() {
        return grantee;
    }

    /** Committed blocks so far (genesis and setup included). */
    long height() {
        return ledger.height();
    }

    @Override
    public void close() {
        ledger.close();
    }
}
