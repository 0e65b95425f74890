package org.medmesh.patient.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.FakeNode;
import org.medmesh.patient.node.FhirBundles;
import org.medmesh.patient.wallet.DidAuthResponse;

/** {@code patient records --node URL [--out FILE] [--details]}. */
class RecordsCommandTest extends WithConsentFixture {

    static final Did ST_MARYS = Did.forOrganization("StMarysMSP");

    @TempDir
    Path downloads;

    /** City holds {@code bundle} for the patient enrolled there with the wallet's DID. */
    private byte[] cityHolds(FhirBundles bundle) {
        byte[] bytes = bundle.bytes();
        city.holdRecords(fixture.patient(), bytes);
        return bytes;
    }

    private Cli.Result records(Object... more) {
        Object[] args = new Object[3 + more.length];
        args[0] = "records";
        args[1] = "--node";
        args[2] = city.url();
        System.arraycopy(more, 0, args, 3, more.length);
        return cli.run(args);
    }

    private static List<String> lines(Cli.Result result) {
        return result.out().lines().toList();
    }

    private static List<Path> files(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        }
    }

    private void nothingAsked(FakeNode node) {
        assertThat(node.requests("POST /patients/challenges")).isEmpty();
        assertThat(node.requests("GET /patients/records")).isEmpty();
    }

    @Nested
    class Summary {

        @Test
        void counts_the_records_by_kind_in_plain_words() {
            cityHolds(new FhirBundles().add("Patient", 1).add("Observation", 412).add("Condition", 37)
                    .add("Encounter", 120).add("MedicationRequest", 89).add("SupplyDelivery", 3));

            Cli.Result result = records();

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(lines(result)).containsExactly(
                    "City Hospital holds 662 records about you:",
                    "  412 observations (test results, vital signs)",
                    "  120 encounters (visits)",
                    "  89 medication requests (prescriptions)",
                    "  37 conditions (diagnoses, health problems)",
                    "  3 SupplyDelivery records",
                    "  1 patient record (your personal details)");
        }

        @Test
        void separates_thousands() {
            cityHolds(new FhirBundles().add("Observation", 1_683).add("Patient", 1));

            assertThat(lines(records())).startsWith("City Hospital holds 1,684 records about you:",
                    "  1,683 observations (test results, vital signs)");
        }

        @Test
        void says_how_many_records_came_from_another_hospital() {
            fixture.enrolAtRiver();
            cityHolds(new FhirBundles().add("Observation", 10).received("Observation", 300, river.did()));

            assertThat(lines(records())).contains("Of these, 300 came from RiverClinicMSP.");
        }

        @Test
        void names_each_hospital_records_came_from_most_first() {
            cityHolds(new FhirBundles().received("Condition", 20, river.did()).received("Observation", 300, ST_MARYS));

            assertThat(lines(records())).contains("Of these, 320 came from other hospitals: 300 from StMarysMSP, 20 "
                    + "from RiverClinicMSP.");
        }

        @Test
        void counts_the_sensitive_records_in_one_line() {
            cityHolds(new FhirBundles().labelled("Condition", 2, "PSY").labelled("Observation", 1, "HIV", "R")
                    .labelled("Observation", 5, "N"));

            assertThat(lines(records())).contains("3 are marked sensitive (HIV/AIDS, mental health, restricted "
                    + "records).");
        }

        @Test
        void says_plainly_when_the_hospital_holds_nothing() {
            Cli.Result result = records();

            assertThat(result.status()).isZero();
            assertThat(result.out()).isEqualTo("City Hospital holds no records about you." + System.lineSeparator());
        }

        @Test
        void names_hospitals_by_did_only_with_details() {
            cityHolds(new FhirBundles().add("Observation", 1).received("Observation", 2, ST_MARYS));

            Cli.Result plain = records();
            Cli.Result details = records("--details");

            assertThat(plain.out()).doesNotContain("did:medmesh");
            assertThat(details.out()).contains("Of these, 2 came from " + ST_MARYS.value() + ".")
                    .contains("Your identity there: " + fixture.patient().value() + "; the hospital: "
                            + city.did().value());
        }
    }

    @Nested
    class Proof {

        @Test
        void proves_control_of_the_did_at_that_hospital_with_the_challenge_it_issued() {
            records();

            FakeNode.Request request = city.requests("GET /patients/records").get(0);
            assertThat(city.requests("POST /patients/challenges").get(0).body().get("did").textValue())
                    .isEqualTo(fixture.patient().value());
            assertThat(DidAuthResponse.verify(request.header("MedMesh-DID-Auth"), city.did().value(),
                    request.header("MedMesh-Challenge"), city.patientKeys(fixture.patient()).orElseThrow()
                            .signingKey().encoded(), Cli.NOW, Duration.ofMinutes(5)))
                    .isEqualTo(fixture.patient().value());
        }

        @Test
        void never_prints_the_challenge() {
            Cli.Result result = records("--details");

            String challenge = city.requests("GET /patients/records").get(0).header("MedMesh-Challenge");
            assertThat(result.out()).doesNotContain(challenge);
            assertThat(result.err()).doesNotContain(challenge);
        }

        @Test
        void asks_for_a_new_challenge_each_time() {
            assertThat(records().status()).isZero();
            assertThat(records().status()).isZero();

            assertThat(city.requests("POST /patients/challenges")).hasSize(2);
            assertThat(city.openRecordsChallenges()).isZero();
        }

        @Test
        void signs_nothing_for_a_challenge_addressed_to_another_hospital() {
            city.script("POST /patients/challenges", FakeNode.raw(201, "application/json", "{\"challenge\":\"abc\","
                    + "\"audience\":\"" + river.did().value() + "\",\"expiresAt\":\"" + Cli.NOW + "\"}"));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: City Hospital asked you to sign for another hospital: "
                    + "nothing was signed or read");
            assertThat(city.requests("GET /patients/records")).isEmpty();
        }
    }

    @Nested
    class Saving {

        @Test
        void writes_the_bundle_exactly_as_received() throws IOException {
            byte[] bundle = cityHolds(new FhirBundles().add("Patient", 1).add("Observation", 2));
            Path file = downloads.resolve("records.json");

            Cli.Result result = records("--out", file);

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(bundle);
            assertThat(lines(result)).startsWith("City Hospital holds 3 records about you:")
                    .last().asString().startsWith("Saved as received to " + file + " (" + bundle.length + " bytes");
        }

        @Test
        void makes_the_file_readable_by_its_owner_only() throws IOException {
            assumeTrue(RecordsFile.ownerOnly(), "POSIX permissions");
            cityHolds(new FhirBundles().add("Patient", 1));
            Path file = downloads.resolve("records.json");

            Cli.Result result = records("--out", file);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(result.out()).contains("readable by you only");
        }

        @Test
        void leaves_no_temporary_file_behind() throws IOException {
            Path file = downloads.resolve("records.json");

            records("--out", file);

            assertThat(files(downloads)).containsExactly(file);
        }

        @Test
        void refuses_a_file_that_exists_and_asks_nothing() throws IOException {
            Path file = Files.writeString(downloads.resolve("records.json"), "keep me");

            Cli.Result result = records("--out", file);

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: " + file + " already exists: nothing was asked or "
                    + "written (records are never saved over a file; name a new one)");
            assertThat(Files.readString(file)).isEqualTo("keep me");
            nothingAsked(city);
        }

        @Test
        void refuses_a_folder_that_does_not_exist_and_asks_nothing() {
            Cli.Result result = records("--out", downloads.resolve("missing").resolve("records.json"));

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("does not exist: nothing was asked or written");
            nothingAsked(city);
        }

        @Test
        void writes_nothing_when_the_records_are_refused() throws IOException {
            city.script("GET /patients/records", FakeNode.problem(422, "NOT_VERIFIED", "the response does not "
                    + "verify"));

            records("--out", downloads.resolve("records.json"));

            assertThat(files(downloads)).isEmpty();
        }

        @Test
        void accepts_and_saves_an_answer_of_five_megabytes() throws IOException {
            byte[] bundle = cityHolds(new FhirBundles().add("Observation", 2).padded(5 * 1024 * 1024));
            Path file = downloads.resolve("records.json");

            Cli.Result result = records("--out", file);

            assertThat(result.status()).as(result.err()).isZero();
            assertThat(Files.readAllBytes(file)).isEqualTo(bundle);
            assertThat(result.out()).contains("City Hospital holds 2 records about you:")
                    .contains("(" + PlainWords.count(bundle.length) + " bytes");
        }
    }

    @Nested
    class NotEnrolled {

        @Test
        void refuses_a_hospital_where_the_wallet_has_no_identity_and_sends_nothing() {
            Cli.Result result = cli.run("records", "--node", river.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: you are not enrolled at River Clinic: enrol there first "
                    + "with `patient enrol --node " + river.url() + " --challenge CODE`");
            nothingAsked(river);
            assertThat(fixture.knows(river)).isFalse();
        }

        @Test
        void refuses_a_hospital_that_has_not_enrolled_the_wallet_yet_and_sends_nothing() {
            cli.run("enrol", "--node", river.url(), "--challenge", "NOT-ISSUED");

            Cli.Result result = cli.run("records", "--node", river.url());

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).startsWith("error: you are not enrolled at River Clinic");
            nothingAsked(river);
        }
    }

    @Nested
    class Failures {

        @Test
        void reports_the_nodes_refusal() {
            city.script("GET /patients/records", FakeNode.problem(422, "NOT_VERIFIED", "the response does not "
                    + "verify"));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: your records could not be read from City Hospital: the "
                    + "hospital refused (NOT_VERIFIED): the response does not verify");
        }

        @Test
        void says_what_to_do_when_the_hospital_does_not_know_the_patient() {
            city.script("GET /patients/records", FakeNode.problem(404, "UNKNOWN_PATIENT", "this DID is not enrolled "
                    + "here"));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: City Hospital has no patient enrolled with your identity "
                    + "there (UNKNOWN_PATIENT): ask its registration desk for a code, then run `patient enrol --node "
                    + city.url() + " --challenge CODE`");
        }

        @Test
        void reports_an_unreachable_node() {
            city.close();

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).startsWith("error: hospital unreachable at " + city.url());
        }

        @Test
        void reports_a_connection_dropped_before_the_records_came() {
            // twice: the JDK client sends an idempotent GET again once when the connection drops
            city.script("GET /patients/records", new FakeNode.HangUp(false));
            city.script("GET /patients/records", new FakeNode.HangUp(false));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: no complete answer in time from City Hospital at "
                    + city.url() + ": nothing was saved; try again");
        }

        @Test
        void says_to_try_again_when_the_challenge_was_used_or_expired() {
            city.script("GET /patients/records", FakeNode.problem(422, "CODE_NOT_OPEN", "the challenge is unknown, "
                    + "used or expired"));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).isEqualTo("error: City Hospital no longer accepts the challenge it gave "
                    + "(CODE_NOT_OPEN: used or expired): nothing was saved; try again");
        }

        @Test
        void reports_an_answer_that_is_not_a_bundle() {
            city.script("GET /patients/records", FakeNode.raw(200, "application/fhir+json",
                    "{\"resourceType\":\"Patient\"}"));

            Cli.Result result = records();

            assertThat(result.status()).isEqualTo(1);
            assertThat(result.errorLine()).contains("answered in a way this app does not understand (an answer that "
                    + "is not a FHIR Bundle");
        }
    }

    @Test
    void prints_a_kind_the_node_names_oddly_without_its_name() {
        city.holdRecords(fixture.patient(), ("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
                + "{\"resourceType\":\"Evil\\u001b[2J\"}}]}").getBytes(StandardCharsets.UTF_8));

        Cli.Result result = records();

        assertThat(result.out()).doesNotContain("\u001b").contains("  1 record of a kind the hospital did not name");
    }
}
