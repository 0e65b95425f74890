package org.medmesh.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.json.CanonicalJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.medmesh.ledger.embedded.ChainVerifier;
import org.medmesh.ledger.embedded.EmbeddedLedger;
import org.medmesh.ledger.embedded.JdbcBlockStore;
import org.medmesh.ledger.embedded.OrdererKey;
import org.medmesh.ledger.embedded.VerificationReport;
import org.medmesh.node.adapter.out.ledger.embedded.EmbeddedLedgerClient;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.config.EmbeddedNetwork;
import org.medmesh.node.config.LedgerSettings;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.node.domain.ledger.TimeRange;
import org.medmesh.patient.wallet.PatientIdentity;

/**
 * {@code medmesh demo}: the MedMesh story on embedded defaults (embedded ledger on H2). Every step checks its
 * outcome; the first that fails stops the demo with a non-zero exit. Later issues add their steps.
 */
final class DemoCommand {
    private static final String CITY = "CityHospitalMSP";
    private static final String ST_MARYS = "StMarysHospitalMSP";

    private final PrintStream out;
    private final SecureRandom random = new SecureRandom();

    DemoCommand(PrintStream out) {
        this.out = out;
    }

    int run(Path dataDir) {
        return run(dataDir, false);
    }

    /** With {@code keep}, the nodes and the patient's page stay up after the story until the process is stopped. */
    int run(Path dataDir, boolean keep) {
        out.println("MedMesh demo — data in " + dataDir + " (recreated on every run)");
        wipe(dataDir);
        LedgerSettings settings = LedgerSettings.embeddedDefaults(dataDir);
        EmbeddedNetwork network = new EmbeddedNetwork(settings);
        network.enrol(CITY);
        network.enrol(ST_MARYS);
        try (EmbeddedLedger ledger = network.open()) {
            LedgerClient city = new EmbeddedLedgerClient(ledger, network.identity(CITY));
            LedgerClient stMarys = new EmbeddedLedgerClient(ledger, network.identity(ST_MARYS));
            new Story(city, stMarys).tell();
        } catch (StepFailed e) {
            out.println("  FAILED: " + e.getMessage());
            return Main.FAILED;
        }
        DemoPatients.Running running;
        try {
            new DemoRecords(out, this::step).tell(dataDir);
            running = new DemoPatients(out, this::step).tell(dataDir);
        } catch (StepFailed e) {
            out.println("  FAILED: " + e.getMessage());
            return Main.FAILED;
        }
        try (running) {
            int verified = verify(settings);
            out.println("The patient's page: " + running.page().url() + " — unlock it with the passphrase \""
                    + DemoPatients.passphrase() + "\".");
            if (keep && verified == Main.OK) {
                out.println("City Hospital's node (" + DemoHttp.base(running.city()) + "), St Mary's ("
                        + DemoHttp.base(running.stMarys()) + ") and the page keep running: stop with Ctrl-C.");
                awaitStop();
            }
            return verified;
        }
    }

    private static void awaitStop() {
        java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int verify(LedgerSettings settings) {
        try (JdbcBlockStore store = JdbcBlockStore.open(settings.jdbcUrl(), settings.user(), settings.password())) {
            VerificationReport report = ChainVerifier.verify(store, OrdererKey.loadPublic(settings.ordererKeyDir()));
            if (!report.valid()) {
                out.println("  FAILED: " + report.summary());
                return Main.FAILED;
            }
            out.println("  ✓ An auditor verifies the chain: " + report.summary());
        }
        out.println();
        out.println("Check it yourself: ./medmesh ledger verify --data " + settings.dataDir());
        return Main.OK;
    }

    /** The ledger part of the story, told step by step. */
    private final class Story {
        private final LedgerClient city;
        private final LedgerClient stMarys;

        Story(LedgerClient city, LedgerClient stMarys) {
            this.city = city;
            this.stMarys = stMarys;
        }

        void tell() {
            register(city, CITY, "http://127.0.0.1:8081");
            register(stMarys, ST_MARYS, "http://127.0.0.1:8082");
            step("City Hospital and St Mary's register their DIDs on the ledger",
                    stMarys.resolve(city.organization()).flatMap(d -> d.serviceEndpoint())
                            .filter("http://127.0.0.1:8081"::equals).isPresent());
            expectRefusal("St Mary's cannot register a DID in City Hospital's name", LedgerErrorCode.WRONG_ORGANIZATION,
                    () -> stMarys.registerOrganization(registration(CITY, "http://attacker.invalid")));

            PatientIdentity patient = PatientIdentity.create(random);
            Did patientDid = Did.parse(patient.did().value());
            city.registerPatient(new SignedOperation(patient.signedCreate()));
            step("A patient creates a DID for City Hospital in their wallet and registers it",
                    city.resolve(patientDid).filter(d -> d.version() == 1).isPresent());

            String grant = patient.signedGrant(labsForTreatment(), consentHash(), Instant.now());
            expectRefusal("City Hospital cannot alter the patient's signed consent", LedgerErrorCode.BAD_SIGNATURE,
                    () -> city.grantConsent(new SignedOperation(altered(grant))));
            Consent consent = city.grantConsent(new SignedOperation(grant));
            step("The patient lets St Mary's see City Hospital's results and conditions for treatment, "
                    + "mental-health records withheld", consent.status() == ConsentStatus.ACTIVE);
            step("St Mary's finds the consent on the ledger", stMarys.consentsByGrantee(stMarys.organization(),
                    PageRequest.first(10)).items().stream().anyMatch(c -> c.id().equals(consent.id())));

            city.recordAccess(AccessEvent.permit(UUID.randomUUID().toString(), stMarys.organization(),
                    city.organization(), patientDid, consent.id(), "TREAT", 12, sha256("the released bundle")));
            step("City Hospital logs its release of 12 records to St Mary's on the ledger before sending them",
                    accessCount(patientDid) == 1);

            Consent revoked = city.revokeConsent(new SignedOperation(patient.signedRevoke(consent.id().value(),
                    Instant.now())));
            step("The patient revokes the consent", revoked.status() == ConsentStatus.REVOKED);
            expectRefusal("The ledger refuses a release relying on the revoked consent", LedgerErrorCode.REVOKED,
                    () -> city.recordAccess(AccessEvent.permit(UUID.randomUUID().toString(), stMarys.organization(),
                            city.organization(), patientDid, consent.id(), "TREAT", 3, sha256("more"))));
            city.recordAccess(AccessEvent.deny(UUID.randomUUID().toString(), stMarys.organization(),
                    city.organization(), patientDid, "TREAT", "CONSENT_REVOKED"));
            step("City Hospital logs the refusal instead; the patient's access history shows both",
                    accessCount(patientDid) == 2);
            expectRefusal("A revoked grant can never be granted again", LedgerErrorCode.REVOKED,
                    () -> city.grantConsent(new SignedOperation(grant)));
        }

        private int accessCount(Did patient) {
            return city.accessByPatient(patient, TimeRange.all(), PageRequest.first(100)).items().size();
        }

        private void register(LedgerClient client, String mspId, String endpoint) {
            client.registerOrganization(registration(mspId, endpoint));
        }
    }

    private OrganizationRegistration registration(String mspId, String endpoint) {
        String signing = Base64Url.encode(new Ed25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        String agreement = Base64Url.encode(new X25519PrivateKeyParameters(random).generatePublicKey().getEncoded());
        return new OrganizationRegistration(mspId, signing, agreement, URI.create(endpoint));
    }

    private static Provision labsForTreatment() {
        org.medmesh.chaincode.identity.Did city = org.medmesh.chaincode.identity.Did.forOrganization(CITY);
        org.medmesh.chaincode.identity.Did stMarys = org.medmesh.chaincode.identity.Did.forOrganization(ST_MARYS);
        Provision withholdMentalHealth = new Provision(ProvisionType.DENY, null, List.of(), List.of(), List.of(),
                List.of(), List.of(SecurityLabel.PSY), List.of());
        Instant now = Instant.now();
        return new Provision(ProvisionType.PERMIT, new Period(now.minusSeconds(60), now.plus(Duration.ofDays(90))),
                List.of(stMarys), List.of(city), List.of(PurposeOfUse.TREAT),
                List.of("Observation", "DiagnosticReport", "Condition"), List.of(), List.of(withholdMentalHealth));
    }

    /** The hash of the full FHIR Consent the wallet keeps off-chain (the wallet builds it in a later issue). */
    private static String consentHash() {
        return sha256("{\"resourceType\":\"Consent\",\"status\":\"active\"}");
    }

    /** The grant widened to medication records, signature kept: what a tampering relay would send. */
    private static String altered(String jws) {
        String[] parts = jws.split("\\.");
        ObjectNode payload = CanonicalJson.parseObject(
                new String(Base64Url.decode(parts[1]), StandardCharsets.UTF_8));
        ((ArrayNode) payload.path("provision").path("classes")).add("MedicationRequest");
        String widened = Base64Url.encode(CanonicalJson.write(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + widened + "." + parts[2];
    }

    private void step(String description, boolean outcome) {
        if (!outcome) {
            throw new StepFailed(description);
        }
        out.println("  ✓ " + description);
    }

    private void expectRefusal(String description, LedgerErrorCode expected, Runnable action) {
        try {
            action.run();
        } catch (LedgerClientException e) {
            step(description, e.code() == expected);
            return;
        }
        throw new StepFailed(description + " (it was accepted)");
    }

    static String sha256(String text) {
        return Sha256.hex(text);
    }

    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class StepFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StepFailed(String message) {
            super(message, null, false, false);
        }
    }
}
