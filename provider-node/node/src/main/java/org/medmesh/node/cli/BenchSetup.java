package org.medmesh.node.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.config.EmbeddedNetwork;
import org.medmesh.node.config.LedgerSettings;
import org.medmesh.node.domain.ledger.Did;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.patient.wallet.PatientIdentity;

/**
 * The benchmark's ledger as {@code medmesh demo} opens it (embedded defaults, H2 file) with two registered
 * organisations and synthetic patients, and the grants those patients sign in their wallets ahead of time.
 */
final class BenchSetup implements AutoCloseable {
    static final String CITY = "CityHospitalMSP";
    static final String ST_MARYS = "StMarysHospitalMSP";

    private final EmbeddedLedger ledger;
    private final LedgerClient city;
    private final LedgerClient stMarys;
    private final List<PatientIdentity> patients = new ArrayList<>();
    private final List<Did> patientDids = new ArrayList<>();
    private final Provision provision;
    private final Instant start = Instant.now();

    private BenchSetup(EmbeddedNetwork network) {
        this.ledger = network.open();
        this.city = new EmbeddedLedgerClient(ledger, network.identity(CITY));
        this.stMarys = new EmbeddedLedgerClient(ledger, network.identity(ST_MARYS));
        this.provision = cityToStMarysForTreatment(start);
    }

    /** Opens the ledger in {@code dataDir} and registers both organisations and {@code patientCount} patients. */
    static BenchSetup open(Path dataDir, int patientCount, SecureRandom random) {
        EmbeddedNetwork network = new EmbeddedNetwork(LedgerSettings.embeddedDefaults(dataDir));
        network.enrol(CITY);
        network.enrol(ST_MARYS);
        BenchSetup setup = new BenchSetup(network);
        try {
            setup.city.registerOrganization(registration(CITY, "http://127.0.0.1:8081", random));
            setup.stMarys.registerOrganization(registration(ST_MARYS, "http://127.0.0.1:8082", random));
            for (int i = 0; i < patientCount; i++) {
                PatientIdentity patient = PatientIdentity.create(random);
                setup.relay(i).registerPatient(new SignedOperation(patient.signedCreate()));
                setup.patients.add(patient);
                setup.patientDids.add(Did.parse(patient.did().value()));
            }
            return setup;
        } catch (RuntimeException e) {
            setup.close();
            throw e;
        }
    }

    /**
     * Grant number {@code index} (global across rounds, so every grant is unique): signed by patient
     * {@code index mod patients} with its own issuedAt and consent hash.
     */
    String signedGrant(int index) {
        PatientIdentity patient = patients.get(index % patients.size());
        return patient.signedGrant(provision, sha256("bench consent " + index), start.plusNanos(index * 1_000L));
    }

    /** The patient who signed grant {@code index}. */
    Did patientOf(int index) {
        return patientDids.get(index % patientDids.size());
    }

    int patientCount() {
        return patients.size();
    }

    /** The organisation relaying operation {@code index}: the two alternate, as two nodes sharing the ledger. */
    LedgerClient relay(int index) {
        return index % 2 == 0 ? city : stMarys;
    }

    LedgerClient city() {
        return city;
    }

    LedgerClient stMarys() {
        return stMarys;
    }

    /** Committed blocks so far (genesis and setup included). */
    long height() {
        return ledger.height();
    }

    @Override
    public void close() {
        ledger.close();
    }

    private static Provision cityToStMarysForTreatment(Instant now) {
        org.medmesh.chaincode.identity.Did city = org.medmesh.chaincode.identity.Did.forOrganization(CITY);
        org.medmesh.chaincode.identity.Did stMarys = org.medmesh.chaincode.identity.Did.forOrganization(ST_MARYS);
        return new Provision(ProvisionType.PERMIT, new Period(now.minusSeconds(60), now.plus(Duration.ofDays(90))),
                List.of(stMarys), List.of(city), List.of(PurposeOfUse.TREAT),
                List.of("Observation", "DiagnosticReport", "Condition"), List.of(), List.of());
    }

    private static OrganizationRegistration registration(String mspId, String endpoint, SecureRandom random) {
        String signing = Base64Url.encode(new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        String agreement = Base64Url.encode(new X25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        return new OrganizationRegistration(mspId, signing, agreement, URI.create(endpoint));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
