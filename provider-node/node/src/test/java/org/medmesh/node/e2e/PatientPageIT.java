package org.medmesh.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medmesh.node.testing.LedgerNode.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.medmesh.fhir.Fhir;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.testing.Chromium;
import org.medmesh.node.testing.LedgerNode;
import org.medmesh.node.testing.PatientSide;
import org.medmesh.patient.cli.PatientCli;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.web.PatientPage;

/**
 * The patient's page in headless Chromium against two real nodes on one embedded ledger. The patient, with the
 * wallet's own commands, enrols at City Hospital and St Mary's, links the DIDs and consents; St Mary's clinicians
 * fetch (permitted), then after a revocation (refused), then in an emergency (break-glass). The page must show
 * that history in plain words, the emergency standing out, export it, lock by hand and by itself, and say plainly
 * when no hospital can be reached. Screenshots go to {@code target/screenshots} ({@code -Dmedmesh.screenshots=DIR}
 * to keep them elsewhere, e.g. {@code docs/screenshots}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PatientPageIT {
    private static final String PASSPHRASE = "a page passphrase that is long enough";

    private Path dir;
    private LedgerNode city;
    private LedgerNode stMarys;
    private LedgerNode county;
    private Map<String, String> env;
    private PatientPage page;
    private Chromium browser;
    private Path screenshots;
    private String stMarysPatientId;
    private String cityDid;
    private String stMarysDid;
    private String countyPatient;

    @BeforeAll
    void start() throws IOException {
        assumeTrue(Chromium.available(), "headless Chromium is not installed (Debian: apt-get install chromium "
                + "chromium-driver; .ci/run installs them)");
        dir = Files.createTempDirectory("medmesh-page-it");
        screenshots = Path.of(System.getProperty("medmesh.screenshots", "target/screenshots"));
        city = LedgerNode.start(LedgerNode.settings(dir.resolve("city"), dir.resolve("ledger"), "CityHospitalMSP"));
        stMarys = LedgerNode.start(LedgerNode.settings(dir.resolve("st-marys"), dir.resolve("ledger"),
                "StMarysHospitalMSP"));
        county = LedgerNode.start(LedgerNode.settings(dir.resolve("county"), dir.resolve("ledger"),
                "CountyHospitalMSP"));
        cityDid = city.did();
        stMarysDid = stMarys.did();
        env = Map.of("MEDMESH_HOME", dir.resolve("home").toString(), "MEDMESH_WALLET_PASSPHRASE", PASSPHRASE,
                "MEDMESH_WALLET_KDF", "test");
        patient("create");
        String cityPatient = PatientSide.createPatient(city, "Page");
        String stMarysPatient = PatientSide.createPatient(stMarys, "Page");
        stMarysPatientId = stMarysPatient;
        HttpResponse<String> observation = city.send("POST", "/fhir/Observation", "{\"resourceType\":\"Observation\","
                + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"8867-4\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + cityPatient + "\"},\"valueQuantity\":{\"value\":72,"
                + "\"unit\":\"/min\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"/min\"}}",
                "application/fhir+json", Role.ADMIN);
        assertThat(observation.statusCode()).as(observation.body()).isEqualTo(201);
        HttpResponse<String> depression = city.send("POST", "/fhir/Condition", "{\"resourceType\":\"Condition\","
                + "\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"35489007\"}]},"
                + "\"subject\":{\"reference\":\"Patient/" + cityPatient + "\"}}", "application/fhir+json", Role.ADMIN);
        assertThat(depression.statusCode()).as(depression.body()).isEqualTo(201);
        assertThat(depression.body()).contains("\"PSY\""); // labelled at ingest
        patient("enrol", "--node", city.url(), "--challenge", PatientSide.enrolmentCode(city, cityPatient));
        patient("enrol", "--node", stMarys.url(), "--challenge", PatientSide.enrolmentCode(stMarys, stMarysPatient));
        patient("consent", "grant", "--node", city.url(), "--to", stMarys.url(), "--purpose", "TREAT",
                "--withhold", "PSY");
        assertThat(fetch("/exchange/fetches", "{\"patient\":\"Patient/" + stMarysPatient + "\",\"purpose\":\"TREAT\"}"))
                .isEqualTo("IMPORTED");
        String listed = patient("consent", "list", "--details");
        String consentId = listed.replaceAll("(?s).*(c-[0-9a-f]{64}).*", "$1");
        patient("consent", "revoke", "--id", consentId, "--node", city.url());
        awaitDenied(stMarysPatient);
        assertThat(fetch("/exchange/break-glass", "{\"patient\":\"Patient/" + stMarysPatient
                + "\",\"reasonCode\":\"UNCONSCIOUS\",\"reason\":\"unconscious on arrival\"}")).isEqualTo("IMPORTED");
        page = PatientPage.start(0, dir.resolve("home/patient/wallet.json"), PatientSide.light(),
                NodeClient.overHttp(), Clock.systemUTC(), Duration.ofSeconds(10));
        browser = Chromium.start(390, 844); // a phone-sized window
    }

    @AfterAll
    void stop() {
        for (AutoCloseable closeable : new AutoCloseable[] {browser, page, county, stMarys, city}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // close the others
            }
        }
    }

    @Test
    @Order(1)
    void a_wrong_passphrase_is_refused_with_a_message_linked_to_the_field() {
        browser.open(page.url().toString());
        assertThat(browser.title()).isEqualTo("Unlock your wallet – MedMesh");
        browser.screenshot(screenshots.resolve("unlock.png"));

        browser.type("#passphrase", "not the passphrase");
        browser.click("button[type=submit]");

        assertThat(browser.awaitTitleStarting("Error:")).startsWith("Error:");
        assertThat(browser.awaitElement(".error-summary")).isTrue();
        assertThat(browser.text(".error-summary")).contains("The passphrase is not this wallet's");
        assertThat(browser.exists(".error-summary a[href='#passphrase']")).isTrue();
    }

    @Test
    @Order(2)
    void unlocked_the_history_shows_every_access_newest_first_with_the_emergency_standing_out() {
        unlock();

        assertThat(browser.title()).isEqualTo("Who saw my records – MedMesh");
        String notice = browser.text(".notice");
        assertThat(notice).contains("Emergency access to your records").contains("St Marys Hospital")
                .contains("without your consent");
        String first = browser.text(".timeline li:first-child");
        assertThat(first).contains("Emergency access").contains("Shared");
        assertThat(browser.text(".timeline")).contains("Refused").contains("you revoked the consent")
                .contains("for treatment").doesNotContain("did:medmesh");
        browser.screenshot(screenshots.resolve("history.png"));

        browser.open(page.url() + "history?outcome=emergency");
        assertThat(browser.text("main")).contains("1 request");
        browser.open(page.url() + "history?from=2000-01-01&to=2000-12-31");
        assertThat(browser.text("main")).contains("0 requests").contains("that matches these filters");
        String today = java.time.LocalDate.now().toString();
        browser.open(page.url() + "history?from=" + today + "&to=" + today);
        assertThat(browser.text("main")).contains("3 requests");
    }

    @Test
    @Order(3)
    void the_history_exports_as_csv_and_as_fhir_audit_events() throws Exception {
        String cookie = "medmesh_session=" + browser.cookie("medmesh_session");

        HttpResponse<String> csv = get("history.csv", cookie);
        HttpResponse<String> fhir = get("history.fhir.json", cookie);

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines()).hasSize(4).first().asString().startsWith("time,requester,holder");
        assertThat(csv.body()).contains("break-glass").contains("CONSENT_REVOKED");
        Bundle bundle = Fhir.context().newJsonParser().parseResource(Bundle.class, fhir.body());
        assertThat(bundle.getEntry()).hasSize(3).allSatisfy(e -> assertThat(e.getResource())
                .isInstanceOf(AuditEvent.class));
        assertThat(fhir.body()).contains("\"BTG\"");
        assertThat(get("history.csv", null).statusCode()).isEqualTo(303); // locked out without the session
    }

    @Test
    @Order(4)
    void the_hospitals_page_names_the_hospitals_in_words_with_identifiers_behind_details() {
        browser.open(page.url() + "hospitals");

        assertThat(browser.text("table")).contains("City Hospital").contains("St Marys Hospital")
                .doesNotContain("did:medmesh");
        browser.screenshot(screenshots.resolve("hospitals.png"));
    }

    @Test
    @Order(5)
    void my_records_shows_what_each_hospital_holds_read_by_did_auth() {
        browser.open(page.url() + "records");
        assertThat(browser.text("main")).contains("See what City Hospital holds about you")
                .contains("See what St Marys Hospital holds about you");

        browser.click("main li:first-child a");

        assertThat(browser.awaitElement("a[href^='/records.json']")).isTrue(); // same title, the hospital's page
        assertThat(browser.title()).isEqualTo("Your records – MedMesh");
        assertThat(browser.text("main")).contains("City Hospital holds").contains("Download them all");
        browser.screenshot(screenshots.resolve("records.png"));
        browser.open(page.url() + "records?hospital=" + stMarys.did());
        assertThat(browser.text("main")).contains("came from City Hospital");
    }

    @Test
    @Order(6)
    void a_consent_composed_on_the_page_shows_exactly_what_would_be_shared_before_it_is_signed() {
        startConsentFromCityToStMarys();
        next("What may they use them for? – MedMesh");
        assertThat(browser.exists("fieldset[aria-labelledby='page-title purpose-legend']")).isTrue(); // the question
        browser.click("#purpose"); // treatment is ticked to begin with: untick it and continue
        browser.click("main button[type=submit]");
        assertThat(browser.awaitTitleStarting("Error:")).isEqualTo("Error: What may they use them for? – MedMesh");
        assertThat(browser.text(".error-summary")).contains("Choose at least one purpose");
        assertThat(browser.exists(".error-summary a[href='#purpose']")).isTrue();
        browser.click("#purpose");
        next("Which kinds of records? – MedMesh");
        next("Which sensitive records should stay private? – MedMesh");
        browser.click("input[name=category][value=MENTAL_HEALTH]");
        browser.screenshot(screenshots.resolve("consent-private.png"));
        next("When should your consent start and end? – MedMesh");
        int year = java.time.LocalDate.now().getYear() + 1;
        browser.click("#until-date");
        browser.type("#until-day", "31");
        browser.type("#until-month", "2"); // there is no 31 February
        browser.type("#until-year", Integer.toString(year));
        browser.click("main button[type=submit]");
        assertThat(browser.awaitTitleStarting("Error:")).isEqualTo("Error: When should your consent start and end? – "
                + "MedMesh");
        assertThat(browser.text(".error-summary")).contains("The end must be a real date");
        assertThat(browser.exists(".error-summary a[href='#until-day']")).isTrue();
        assertThat(browser.value("#until-day")).isEqualTo("31"); // as typed, to be corrected
        browser.retype("#until-month", "12");
        next("Check your consent before you sign it – MedMesh");

        assertThat(browser.text(".summary")).contains("City Hospital").contains("St Marys Hospital")
                .contains("Treatment").contains("Mental health").contains("At the end of 31 December " + year)
                .doesNotContain("did:medmesh");
        String preview = browser.text("#preview");
        assertThat(preview).contains("St Marys Hospital, for treatment").contains("1 observation")
                .contains("1 patient record").contains("1 record marked mental health (kept private)")
                .doesNotContain("condition");
        int promised = Integer.parseInt(preview.replaceAll("(?s).*Would receive (\\d+) record.*", "$1"));
        browser.screenshotWhole(screenshots.resolve("consent-check.png"));
        browser.click("#sign");

        assertThat(browser.awaitElement(".confirmation")).isTrue();
        assertThat(browser.title()).isEqualTo("Consent given – MedMesh");
        assertThat(browser.text(".confirmation")).contains("St Marys Hospital can ask City Hospital for your records")
                .contains("in force");
        browser.screenshot(screenshots.resolve("consent-given.png"));
        JsonNode fetched = fetchStatus("/exchange/fetches", "{\"patient\":\"Patient/" + stMarysPatientId
                + "\",\"purpose\":\"TREAT\"}");
        assertThat(fetched.get("state").textValue()).isEqualTo("IMPORTED");
        assertThat(fetched.get("imported").intValue()).isEqualTo(promised - 1); // all but the Patient, which maps
        browser.open(page.url() + "history");
        assertThat(browser.text(".timeline li:first-child")).contains("Shared").contains("St Marys Hospital")
                .contains(promised + " records shared") // the count on the ledger: what the preview said, exactly
                .doesNotContain("Emergency");
    }

    @Test
    @Order(7)
    void narrowing_a_consent_on_the_page_previews_less_and_replaces_the_old_one() {
        browser.open(page.url() + "consents");
        browser.click("main form[action='/consents/new'] button.secondary"); // Change this consent
        assertThat(browser.awaitTitle("Check your consent before you sign it – MedMesh")).endsWith("MedMesh");
        assertThat(browser.text("main")).contains("Your consent until now: Lets St Marys Hospital see all your "
                + "records from City Hospital for treatment, except mental health, until 31 December")
                .contains("not changed anything yet");
        browser.click("a[href='/consents/new/kinds']");
        assertThat(browser.awaitTitle("Which kinds of records? – MedMesh")).endsWith("MedMesh");
        browser.click("input[name=kinds][value=some]");
        browser.click("input[name=kind][value=Observation]");
        next("Check your consent before you sign it – MedMesh");

        assertThat(browser.text("main")).contains("share less than before");
        assertThat(browser.text("#preview")).contains("Would receive 1 record").contains("1 observation")
                .contains("of kinds you did not choose");
        browser.click("#sign");

        assertThat(browser.awaitElement(".confirmation")).isTrue();
        assertThat(browser.title()).isEqualTo("Consent changed – MedMesh");
        assertThat(browser.text("main")).contains("Your old consent is stopped");
        JsonNode fetched = fetchStatus("/exchange/fetches", "{\"patient\":\"Patient/" + stMarysPatientId
                + "\",\"purpose\":\"TREAT\"}");
        assertThat(fetched.get("state").textValue()).isEqualTo("IMPORTED");
        assertThat(fetched.get("imported").intValue()).isEqualTo(1);
        browser.open(page.url() + "history");
        assertThat(browser.text(".timeline li:first-child")).contains("1 record shared");
    }

    @Test
    @Order(9)
    void extending_a_consent_on_the_page_to_another_hospital_by_its_address_lets_that_hospital_ask() {
        HttpResponse<String> before = county.send("POST", "/exchange/fetches", "{\"patient\":\"Patient/"
                + countyPatient + "\",\"purpose\":\"TREAT\"}", "application/json", Role.CLINICIAN);
        assertThat(before.body()).contains("NOT_LINKED"); // County does not know who the patient is at City yet
        browser.open(page.url() + "consents");
        browser.click("main form[action='/consents/new'] button.secondary"); // Change this consent
        assertThat(browser.awaitTitle("Check your consent before you sign it – MedMesh")).endsWith("MedMesh");
        browser.click("a[href='/consents/new/grantees']");
        assertThat(browser.awaitTitle("Which hospitals may see them? – MedMesh")).endsWith("MedMesh");
        browser.type("#address", "http://127.0.0.1:1/"); // no hospital there
        browser.click("main button[type=submit]");
        assertThat(browser.awaitTitleStarting("Error:")).isEqualTo("Error: Which hospitals may see them? – MedMesh");
        assertThat(browser.text(".error-summary")).contains("No hospital answered at that address");
        browser.retype("#address", county.url());
        next("Check your consent before you sign it – MedMesh");

        assertThat(browser.text("main")).contains("share more than before: more hospitals");
        assertThat(browser.text("#preview")).contains("St Marys Hospital, County Hospital, for treatment")
                .contains("Would receive 1 record");
        browser.click("#sign");

        assertThat(browser.awaitElement(".confirmation")).isTrue();
        assertThat(browser.text(".confirmation")).contains("St Marys Hospital, County Hospital can ask City Hospital");
        assertThat(browser.text("main")).contains("Your old consent is stopped");
        JsonNode fetched = fetchStatus(county, countyPatient); // County was told who the patient is at City
        assertThat(fetched.get("state").textValue()).isEqualTo("IMPORTED");
        assertThat(fetched.get("imported").intValue()).isEqualTo(1);
    }

    @Test
    @Order(10)
    void a_consent_stopped_on_the_page_refuses_the_next_request() {
        browser.open(page.url() + "consents");
        assertThat(browser.text("main")).contains("In force").contains("Stopped").doesNotContain("did:medmesh");
        browser.screenshot(screenshots.resolve("consents.png"));

        browser.click("main a[href^='/consents/stop']");
        assertThat(browser.awaitTitle("Stop this consent? – MedMesh")).isEqualTo("Stop this consent? – MedMesh");
        browser.click("main button[type=submit]");

        assertThat(browser.awaitElement(".confirmation")).isTrue();
        assertThat(browser.text(".confirmation")).contains("Consent stopped");
        awaitDenied(stMarysPatientId);
        browser.open(page.url() + "history");
        assertThat(browser.text(".timeline li:first-child")).contains("Refused").contains("you revoked the consent");
    }

    @Test
    @Order(8)
    void enrols_at_another_hospital_with_the_desks_code() {
        countyPatient = PatientSide.createPatient(county, "Page");
        browser.open(page.url() + "enrol");
        browser.type("#address", county.url());
        browser.type("#code", "not-the-code");
        browser.click("main button[type=submit]");
        assertThat(browser.awaitElement(".error-summary")).isTrue(); // the same page again, with the error on top
        assertThat(browser.text(".error-summary")).contains("did not accept this code");

        browser.open(page.url() + "enrol");
        browser.type("#address", county.url());
        browser.type("#code", PatientSide.enrolmentCode(county, countyPatient));
        browser.click("main button[type=submit]");

        assertThat(browser.awaitElement(".confirmation")).isTrue();
        assertThat(browser.text(".confirmation")).contains("You are enrolled at County Hospital");
        assertThat(county.send("GET", "/fhir/Patient/" + countyPatient, null, null, Role.ADMIN).body())
                .contains("did:medmesh:");
        browser.open(page.url() + "hospitals");
        assertThat(browser.text("table")).contains("County Hospital");
    }

    @Test
    @Order(11)
    void the_page_is_usable_with_the_keyboard_alone() {
        browser.open(page.url() + "hospitals");

        assertThat(browser.tabTo(1)).isEqualTo("Skip to main content");
        assertThat(browser.tabTo(1)).isEqualTo("Hospitals");
        assertThat(browser.tabTo(1)).isEqualTo("Who saw my records");
    }

    @Test
    @Order(12)
    void the_lock_button_locks_and_so_does_inactivity() throws InterruptedException {
        browser.click("form.lock button");
        assertThat(browser.awaitTitle("Unlock your wallet – MedMesh")).isEqualTo("Unlock your wallet – MedMesh");
        browser.open(page.url() + "history");
        assertThat(browser.title()).isEqualTo("Unlock your wallet – MedMesh");

        unlock();
        Thread.sleep(11_000); // the page was started to lock after 10 s without use
        browser.open(page.url() + "history");
        assertThat(browser.title()).isEqualTo("Unlock your wallet – MedMesh");
    }

    @Test
    @Order(13)
    void with_no_hospital_reachable_the_page_says_so_and_nothing_is_lost() {
        unlock();
        stMarys.close();
        city.close();
        county.close();

        browser.open(page.url() + "history");

        assertThat(browser.text(".notice")).contains("could not be read just now").contains("Nothing was lost");
        startConsentFromCityToStMarys();
        for (String title : new String[] {"What may they use them for?", "Which kinds of records?",
                "Which sensitive records should stay private?", "When should your consent start and end?",
                "Check your consent before you sign it"}) {
            next(title + " – MedMesh");
        }
        assertThat(browser.text("#preview")).contains("City Hospital could not show your records just now");
        browser.click("#sign");
        assertThat(browser.awaitTitle("Your consent was not given – MedMesh")).endsWith("MedMesh");
        assertThat(browser.text("main")).contains("could not be reached").contains("Nothing was given");
        stMarys = null;
        city = null;
        county = null;
    }

    private void unlock() {
        browser.open(page.url().toString());
        browser.type("#passphrase", PASSPHRASE);
        browser.click("button[type=submit]");
        browser.awaitTitle("Who saw my records – MedMesh");
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(page.url() + path));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String fetch(String path, String order) {
        return fetchStatus(path, order).get("state").textValue();
    }

    /** A St Mary's clinician's fetch from City, waited for: City's part of the answer. */
    private JsonNode fetchStatus(String path, String order) {
        return fetchStatus(stMarys, path, order);
    }

    /** A clinician's fetch at {@code requester} for treatment, waited for: the first holder's part of the answer. */
    private JsonNode fetchStatus(LedgerNode requester, String patientId) {
        return fetchStatus(requester, "/exchange/fetches", "{\"patient\":\"Patient/" + patientId
                + "\",\"purpose\":\"TREAT\"}");
    }

    private JsonNode fetchStatus(LedgerNode requester, String path, String order) {
        return requester.fetchStatus(requester.send("POST", path, order, "application/json", Role.CLINICIAN), 60)
                .at("/holders/0");
    }

    /** Your consents → Give a new consent → City Hospital's records → St Mary's may see them. */
    private void startConsentFromCityToStMarys() {
        browser.open(page.url() + "consents");
        browser.click("#new-consent");
        assertThat(browser.awaitTitle("Whose records do you want to share? – MedMesh")).endsWith("MedMesh");
        browser.click("input[name=holder][value='" + cityDid + "']");
        next("Which hospitals may see them? – MedMesh");
        browser.click("input[name=grantee][value='" + stMarysDid + "']");
    }

    /** Continues to the next question page. */
    private void next(String title) {
        browser.click("main button[type=submit]");
        assertThat(browser.awaitTitle(title)).isEqualTo(title);
    }

    private void awaitDenied(String stMarysPatient) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (fetch("/exchange/fetches", "{\"patient\":\"Patient/" + stMarysPatient + "\",\"purpose\":\"TREAT\"}")
                    .equals("DENIED")) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("the revocation did not reach City Hospital");
    }

    private String patient(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);
        int status = PatientCli.run(args, out, out, env, Clock.systemUTC(), new SecureRandom());
        String output = buffer.toString(StandardCharsets.UTF_8);
        assertThat(status).as(String.join(" ", args) + ": " + output).isZero();
        return output;
    }
}
