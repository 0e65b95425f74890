package org.medmesh.node.cli;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.application.consent.DecideAccess;
import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.consent.decision.ConsentDecision;
import org.medmesh.consent.decision.DenyReason;
import org.medmesh.patient.cli.PatientCli;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.web.PatientPage;
import org.medmesh.patient.wallet.WalletSettings;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/**
 * The demo's third part: a patient and two hospitals. Two real nodes (City Hospital and St Mary's) share an
 * embedded ledger under the demo's data directory; the patient uses the wallet's own command line
 * ({@code medmesh patient …}, run in-process): create the wallet, enrol at both hospitals with the codes their
 * desks issue, link the two DIDs at St Mary's, grant St Mary's City's records for treatment with mental health
 * withheld, revoke — and City's consent decision follows each step, as do St Mary's fetches of City's records
 * (denied, released, denied again, then released in an emergency as break-glass).
 */
final class DemoPatients {
    private static final String PASSPHRASE = "demo passphrase: use a long one of your own";

    private final PrintStream out;
    private final BiConsumer<String, Boolean> step;
    private final DemoHttp http = new DemoHttp();
    private Map<String, String> env;
    private Path walletFile;

    DemoPatients(PrintStream out, BiConsumer<String, Boolean> step) {
        this.out = out;
        this.step = step;
    }

    /** What the story leaves running: the two hospitals' nodes and the patient's page. */
    record Running(EmbeddedServer city, EmbeddedServer stMarys, PatientPage page) implements AutoCloseable {
        @Override
        public void close() {
            if (page != null) {
                page.close();
            }
            stMarys.getApplicationContext().close();
            city.getApplicationContext().close();
        }
    }

    /** The passphrase of the demo's wallet, which unlocks the patient's page. */
    static String passphrase() {
        return PASSPHRASE;
    }

    /** Tells the story; the nodes and the page stay up until the caller closes what this returns. */
    Running tell(Path dataDir) {
        walletFile = dataDir.resolve("patient").resolve("wallet.json");
        env = Map.of("MEDMESH_WALLET_PASSPHRASE", PASSPHRASE, "MEDMESH_HOME", dataDir.toString());
        Path ledger = dataDir.resolve("network");
        EmbeddedServer city = start(dataDir.resolve("city"), ledger, "CityHospitalMSP");
        EmbeddedServer stMarys = start(dataDir.resolve("st-marys"), ledger, "StMarysHospitalMSP");
        try {
            String cityUrl = base(city);
            String stMarysUrl = base(stMarys);
            out.println("  City Hospital's node at " + cityUrl + ", St Mary's at " + stMarysUrl
                    + " (one embedded ledger)");
            step.accept("The patient creates a wallet: keys sealed under a passphrase (Argon2id, AES-GCM)",
                    patient("create") == 0);
            String cityPatient = enrol(city, dataDir.resolve("city"), "City Hospital's");
            String stMarysPatient = enrol(stMarys, dataDir.resolve("st-marys"), "St Mary's");
            step.accept("The wallet holds a different DID for each hospital (pairwise: the ledger cannot join them)",
                    pairwise());
            DemoExchange exchange = new DemoExchange(out, step, city, dataDir.resolve("city"), stMarys,
                    dataDir.resolve("st-marys"));
            exchange.cityRecordsAVisit(cityPatient);
            step.accept("The patient tells St Mary's that their DID at City Hospital is theirs too (both DIDs sign)",
                    patient("link", "--node", stMarysUrl, "--holder", cityUrl) == 0);
            exchange.deniedFetch(stMarysPatient, "TREAT", "NO_CONSENT", "A St Mary's clinician asks City Hospital "
                    + "for the patient's records: denied, no consent — and the refusal is on the ledger");
            PatientRun preview = patientRun("consent", "preview", "--node", cityUrl, "--to", stMarysUrl,
                    "--purpose", "TREAT", "--withhold", "PSY");
            step.accept("Before signing, the patient tries the policy on City Hospital's records (read with the "
                    + "wallet's DID auth, decided by the hospitals' own rules): St Mary's would receive 4 of the 5, the "
                    + "depression stays private", preview.status() == 0
                    && preview.output().contains("would receive 4 records")
                    && preview.output().contains("1 record marked mental health (kept private)"));
            step.accept("The patient lets St Mary's see City Hospital's records for treatment, mental health "
                    + "withheld; the ledger commits the signed consent", patient("consent", "grant", "--node",
                    cityUrl, "--to", stMarysUrl, "--purpose", "TREAT", "--withhold", "PSY") == 0);
            SignedConsent consent = onlyConsent();
            ConsentDecision permit = decide(city, consent);
            step.accept("City Hospital's decision for St Mary's: permit, lab results released, a PSY-labelled "
                    + "record withheld", permit instanceof ConsentDecision.Permit p
                    && p.policy().releases("Observation", Set.of()) && !p.policy().releases("Condition", Set.of("PSY")));
            exchange.permittedFetch(stMarysPatient);
            step.accept("The patient revokes the consent", patient("consent", "revoke", "--id",
                    consent.consentId().value(), "--node", cityUrl) == 0);
            step.accept("Within a second City Hospital's decision is deny (revoked), from the ledger's event",
                    awaitDeny(city, consent));
            exchange.deniedFetch(stMarysPatient, "TREAT", "CONSENT_REVOKED", "St Mary's asks again: denied, the "
                    + "consent was revoked");
            exchange.breakGlass(stMarysPatient);
            step.accept("The patient's access history shows every access, the emergency highlighted",
                    patientSays("EMERGENCY", "access"));
            PatientPage page = patientPage();
            return new Running(city, stMarys, page);
        } catch (RuntimeException e) {
            stMarys.getApplicationContext().close();
            city.getApplicationContext().close();
            throw e;
        }
    }

    /** The patient's page on the demo's wallet, checked to answer with its unlock screen. */
    private PatientPage patientPage() {
        PatientPage page;
        try {
            page = PatientPage.start(0, walletFile, WalletSettings.defaults(), NodeClient.overHttp(),
                    Clock.systemUTC(), Duration.ofMinutes(5));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the patient's page could not listen on 127.0.0.1", e);
        }
        HttpResponse<String> unlock = http.get(page.url());
        step.accept("The patient's page is served by the wallet at " + page.url() + " (unlock it with the demo's "
                + "passphrase)", unlock.statusCode() == 200 && unlock.body().contains("Unlock your wallet"));
        return page;
    }

    private String enrol(EmbeddedServer node, Path nodeData, String possessive) {
        String patientId = createPatient(node, nodeData);
        String code = enrolmentCode(node, nodeData, patientId);
        step.accept(possessive + " desk gives the patient a one-time code; the wallet signs it and the hospital links "
                + "its record to the patient's DID", patient("enrol", "--node", base(node), "--challenge", code) == 0
                && get(node, nodeData, "/fhir/Patient/" + patientId).contains("did:medmesh:"));
        return patientId;
    }

    private boolean pairwise() {
        try (Wallet wallet = Wallet.open(walletFile, PASSPHRASE.toCharArray())) {
            List<Did> hospitals = List.copyOf(wallet.hospitals());
            return hospitals.size() == 2 && !wallet.identityFor(hospitals.get(0)).did()
                    .equals(wallet.identityFor(hospitals.get(1)).did());
        }
    }

    private SignedConsent onlyConsent() {
        try (Wallet wallet = Wallet.open(walletFile, PASSPHRASE.toCharArray())) {
            return wallet.consents(Did.parse("did:medmesh:org:CityHospitalMSP")).get(0);
        }
    }

    private ConsentDecision decide(EmbeddedServer city, SignedConsent consent) {
        String patient = patientOf(consent);
        AccessRequest request = new AccessRequest(
                org.medmesh.consent.ledger.Did.parse("did:medmesh:org:StMarysHospitalMSP"),
                org.medmesh.consent.ledger.Did.parse("did:medmesh:org:CityHospitalMSP"),
                org.medmesh.consent.ledger.Did.parse(patient), "TREAT", Set.of(), Instant.now());
        return city.getApplicationContext().getBean(DecideAccess.class).decide(request);
    }

    private static String patientOf(SignedConsent consent) {
        return org.medmesh.chaincode.consent.ConsentGrant.parse(consent.grantJws()).patient().value();
    }

    private boolean awaitDeny(EmbeddedServer city, SignedConsent consent) {
        Instant deadline = Instant.now().plusSeconds(1);
        ConsentDecision decision = decide(city, consent);
        while (decision instanceof ConsentDecision.Permit && Instant.now().isBefore(deadline)) {
            sleep();
            decision = decide(city, consent);
        }
        return decision.equals(ConsentDecision.deny(DenyReason.CONSENT_REVOKED));
    }

    /** {@code medmesh patient …}, its output indented under the demo's steps. */
    private int patient(String... args) {
        return patientRun(args).status();
    }

    /** Whether {@code medmesh patient …} succeeded and said {@code words}. */
    private boolean patientSays(String words, String... args) {
        PatientRun run = patientRun(args);
        return run.status() == 0 && run.output().contains(words);
    }

    private PatientRun patientRun(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream captured = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = PatientCli.run(args, captured, captured, env, Clock.systemUTC(), new SecureRandom());
        out.println("    $ medmesh patient " + String.join(" ", args));
        String output = buffer.toString(StandardCharsets.UTF_8);
        output.lines().forEach(line -> out.println("      " + line));
        return new PatientRun(status, output);
    }

    private record PatientRun(int status, String output) {}

    private static EmbeddedServer start(Path dataDir, Path ledgerDir, String mspId) {
        return ApplicationContext.run(EmbeddedServer.class, Map.of("micronaut.server.port", -1,
                "medmesh.node.data-dir", dataDir.toString(), "medmesh.ledger.data-dir", ledgerDir.toString(),
                "medmesh.ledger.msp-id", mspId));
    }

    private String createPatient(EmbeddedServer node, Path nodeData) {
        HttpResponse<String> created = send(node, nodeData, "POST", "/fhir/Patient",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"Demo-Patient\",\"given\":[\"Synthetic\"]}]}",
                "application/fhir+json");
        String location = created.headers().firstValue("Location").orElseThrow(() ->
                new IllegalStateException("the node did not create the Patient: " + created.statusCode()));
        return location.replaceAll(".*/Patient/([^/]+).*", "$1");
    }

    private String enrolmentCode(EmbeddedServer node, Path nodeData, String patientId) {
        HttpResponse<String> issued = send(node, nodeData, "POST", "/enrolments",
                "{\"patient\":\"Patient/" + patientId + "\"}", "application/json");
        return issued.body().replaceAll(".*\"challenge\":\"([^\"]+)\".*", "$1");
    }

    private String get(EmbeddedServer node, Path nodeData, String path) {
        return send(node, nodeData, "GET", path, null, null).body();
    }

    private HttpResponse<String> send(EmbeddedServer node, Path nodeData, String method, String path, String body,
            String contentType) {
        return http.send(node, nodeData, Role.ADMIN, method, path, body, contentType);
    }

    private static String base(EmbeddedServer server) {
        return DemoHttp.base(server);
    }

    private static void sleep() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
