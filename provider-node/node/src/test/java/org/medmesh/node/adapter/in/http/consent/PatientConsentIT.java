package org.medmesh.node.adapter.in.http.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.node.testing.LedgerNode.json;
import static org.medmesh.node.testing.PatientSide.b64;
import static org.medmesh.node.testing.PatientSide.body;
import static org.medmesh.node.testing.PatientSide.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.application.consent.DecideAccess;
import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.consent.decision.ConsentDecision;
import org.medmesh.consent.decision.DenyReason;
import org.medmesh.node.testing.LedgerNode;
import org.medmesh.node.testing.PatientSide;
import org.medmesh.node.testing.PatientSide.Signed;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * A patient's wallet against two real hospital nodes over HTTP on one embedded ledger: DID registration through a
 * relay, enrolment by DID auth, consents granted, read back, narrowed and revoked, and what a relay cannot do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientConsentIT {
    private static final char[] PASSPHRASE = PatientSide.PASSPHRASE;

    private final SecureRandom random = new SecureRandom();
    private PatientSide patients;
    private LedgerNode city;
    private LedgerNode stMarys;
    @TempDir
    Path wallets;
    private Path nodes;

    @BeforeAll
    void start() throws java.io.IOException {
        nodes = Files.createTempDirectory("medmesh-consent-it");
        patients = new PatientSide(Files.createDirectories(nodes.resolve("wallets")));
        city = LedgerNode.start(hospital("CityHospitalMSP"));
        stMarys = LedgerNode.start(hospital("StMarysHospitalMSP"));
    }

    @AfterAll
    void stop() {
        stMarys.close();
        city.close();
    }

    /** A hospital's node on the test's one ledger; records written through /fhir are profile-validated. */
    private Map<String, Object> hospital(String mspId) {
        Map<String, Object> settings = LedgerNode.settings(nodes.resolve(mspId), nodes.resolve("ledger"), mspId);
        settings.put("medmesh.node.validation", true);
        return settings;
    }

    @Nested
    class Enrolment {
        @Test
        void links_the_local_patient_to_the_did_whose_wallet_signed_the_code() {
            Wallet wallet = patients.newWallet();
            PatientIdentity identity = patients.registered(wallet, city);
            String patientId = PatientSide.createPatient(city, "Enrolee");
            String code = PatientSide.enrolmentCode(city, patientId);

            HttpResponse<String> response = city.post("/enrolments/" + code + "/response",
                    body("response", identity.signedChallengeResponse(city.did(), code, Instant.now())), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(json(response).get("patientDid").textValue()).isEqualTo(identity.did().value());
            assertThat(patientIdentifiers(city, patientId)).contains(identity.did().value());
        }

        @Test
        void refuses_a_response_whose_signature_does_not_verify_and_links_nothing() {
            PatientIdentity victim = patients.registered(patients.newWallet(), city);
            PatientIdentity attacker = patients.registered(patients.newWallet(), city);
            String patientId = PatientSide.createPatient(city, "Enrolee");
            String code = PatientSide.enrolmentCode(city, patientId);
            // The victim's patient record, claimed with the attacker's response re-labelled as the victim's DID.
            String forged = alter(attacker.signedChallengeResponse(city.did(), code, Instant.now()),
                    attacker.did().value(), victim.did().value());

            HttpResponse<String> response = city.post("/enrolments/" + code + "/response",
                    body("response", forged), null);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(patientIdentifiers(city, patientId)).doesNotContain(victim.did().value());
        }

        @Test
        void refuses_a_response_made_for_another_hospital() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            String code = PatientSide.enrolmentCode(city, PatientSide.createPatient(city, "Enrolee"));

            HttpResponse<String> response = city.post("/enrolments/" + code + "/response",
                    body("response", identity.signedChallengeResponse(stMarys.did(), code, Instant.now())), null);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("code").textValue()).isEqualTo("NOT_VERIFIED");
        }

        @Test
        void accepts_a_code_once() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            String code = PatientSide.enrolmentCode(city, PatientSide.createPatient(city, "Enrolee"));
            ObjectNode response = body("response", identity.signedChallengeResponse(city.did(), code, Instant.now()));
            assertThat(city.post("/enrolments/" + code + "/response", response, null).statusCode()).isEqualTo(200);

            HttpResponse<String> again = city.post("/enrolments/" + code + "/response", response, null);

            assertThat(again.statusCode()).isEqualTo(422);
            assertThat(json(again).get("code").textValue()).isEqualTo("CODE_NOT_OPEN");
        }

        @Test
        void issues_codes_only_to_hospital_staff() {
            String patientId = PatientSide.createPatient(city, "Enrolee");
            assertThat(city.post("/enrolments", body("patient", "Patient/" + patientId), null).statusCode())
                    .isEqualTo(401);
            assertThat(city.post("/enrolments", body("patient", "Patient/" + patientId), Role.AUDITOR).statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Consents {
        @Test
        void commits_a_consent_the_patient_signed_and_reads_it_back() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            Signed signed = patients.sign(identity, withholding(SecurityLabel.PSY));

            HttpResponse<String> response = submit(city, signed);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            String id = json(response).get("id").textValue();
            JsonNode read = json(stMarys.get("/relay/consents/" + id));
            assertThat(read.get("status").textValue()).isEqualTo("active");
            assertThat(read.get("consentHash").textValue()).isEqualTo(ConsentDocuments.sha256Hex(signed.document()));
        }

        @Test
        void lets_a_named_holder_take_in_the_signed_consent_only_if_its_hash_matches() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            Signed signed = patients.sign(identity, withholding(SecurityLabel.HIV));
            String id = json(submit(city, signed)).get("id").textValue();
            byte[] other = patients.sign(identity, withholding(SecurityLabel.PSY)).document();

            assertThat(stMarys.post("/consents/" + id + "/document", body("document", b64(other)), null)
                    .statusCode()).isEqualTo(422);
            assertThat(stMarys.post("/consents/" + id + "/document", body("document", b64(signed.document())), null)
                    .statusCode()).isEqualTo(204);
        }

        @Test
        void narrows_a_consent_by_granting_the_narrower_one_and_revoking_the_first() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            String wide = json(submit(city, patients.sign(identity, withholding()))).get("id").textValue();
            String narrow = json(submit(city,
                    patients.sign(identity, withholding(SecurityLabel.PSY, SecurityLabel.HIV))))
                    .get("id").textValue();

            HttpResponse<String> revoked = PatientSide.revoke(city, identity, wide);

            assertThat(revoked.statusCode()).as(revoked.body()).isEqualTo(200);
            assertThat(json(city.get("/relay/consents/" + wide)).get("status").textValue()).isEqualTo("revoked");
            assertThat(json(city.get("/relay/consents/" + narrow)).get("status").textValue()).isEqualTo("active");
        }

        @Test
        void a_revocation_reaches_the_holders_decisions_within_a_second() throws Exception {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            String id = json(submit(city, patients.sign(identity, withholding(SecurityLabel.PSY)))).get("id")
                    .textValue();
            DecideAccess decisions = city.bean(DecideAccess.class);
            AccessRequest request = new AccessRequest(
                    org.medmesh.consent.ledger.Did.parse(stMarys.did()), org.medmesh.consent.ledger.Did.parse(city.did()),
                    org.medmesh.consent.ledger.Did.parse(identity.did().value()), "TREAT", Set.of(), Instant.now());
            assertThat(decisions.decide(request)).isInstanceOf(ConsentDecision.Permit.class);

            assertThat(PatientSide.revoke(stMarys, identity, id).statusCode()).isEqualTo(200);
            Instant deadline = Instant.now().plusSeconds(1);
            ConsentDecision decision = decisions.decide(request);
            while (decision instanceof ConsentDecision.Permit && Instant.now().isBefore(deadline)) {
                Thread.sleep(10);
                decision = decisions.decide(request);
            }

            assertThat(decision).isEqualTo(ConsentDecision.deny(DenyReason.CONSENT_REVOKED));
        }

        @Test
        void the_chaincode_refuses_a_grant_altered_after_signing() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            Signed signed = patients.sign(identity, withholding(SecurityLabel.PSY));
            // A relay that wants HIV records released instead, with a document to match: only the signature can
            // catch it, and the node's own checks pass.
            byte[] document = patients.sign(identity, withholding(SecurityLabel.HIV)).document();
            String altered = alter(signed.grant(), "\"PSY\"", "\"HIV\"",
                    ConsentDocuments.sha256Hex(signed.document()), ConsentDocuments.sha256Hex(document));

            HttpResponse<String> response = city.post("/relay/consents",
                    body("grant", altered, "document", b64(document)), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(json(response).get("code").textValue()).isEqualTo("BAD_SIGNATURE");
        }

        @Test
        void refuses_a_document_that_differs_from_the_grant_before_anything_reaches_the_ledger() {
            PatientIdentity identity = patients.registered(patients.newWallet(), city);
            Signed signed = patients.sign(identity, withholding(SecurityLabel.PSY));
            byte[] other = patients.sign(identity, withholding(SecurityLabel.HIV)).document();

            HttpResponse<String> response = city.post("/relay/consents",
                    body("grant", signed.grant(), "document", b64(other)), null);

            assertThat(response.statusCode()).isEqualTo(422);
            assertThat(json(response).get("code").textValue()).isEqualTo("DOCUMENT_MISMATCH");
        }

        @Test
        void a_relay_cannot_submit_a_consent_the_patient_did_not_sign() {
            PatientIdentity patient = patients.registered(patients.newWallet(), city);
            PatientIdentity relaysOwnKey = PatientIdentity.create(random);
            Provision provision = withholding();
            byte[] document = PatientSide.document(patient, provision);
            String grant = relaysOwnKey.signedGrant(provision, ConsentDocuments.sha256Hex(document), Instant.now());
            String inPatientsName = alter(grant, relaysOwnKey.did().value(), patient.did().value());

            HttpResponse<String> response = city.post("/relay/consents",
                    body("grant", inPatientsName, "document", b64(document)), null);

            assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
            assertThat(json(response).get("code").textValue()).isEqualTo("BAD_SIGNATURE");
            assertThat(city.get("/relay/consents/" + consentIdOf(inPatientsName)).statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Keys {
        @Test
        void rotates_and_recovers_keys_through_a_relay_and_signs_with_the_new_ones() {
            Wallet wallet = patients.newWallet();
            Did hospital = Did.parse(city.did());
            patients.registered(wallet, city);
            String rotation = wallet.beginRotation(hospital, false);
            assertThat(city.post("/relay/patients/rotations", body("operation", rotation), null).statusCode())
                    .isEqualTo(200);
            wallet.completeRotation(hospital);
            String recovery = wallet.beginRotation(hospital, true);

            HttpResponse<String> recovered = stMarys.post("/relay/patients/rotations",
                    body("operation", recovery), null);

            assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
            assertThat(json(recovered).get("version").asLong()).isEqualTo(3);
            PatientIdentity current = wallet.completeRotation(hospital);
            assertThat(submit(city, patients.sign(current, withholding())).statusCode()).isEqualTo(201);
        }

        @Test
        void a_restored_backup_keeps_working_with_the_ledger() throws Exception {
            Wallet wallet = patients.newWallet();
            PatientIdentity identity = patients.registered(wallet, city);
            Path backup = wallets.resolve("backup-" + random.nextInt(1_000_000));
            wallet.backup(backup, "another passphrase".toCharArray());
            Path restoredFile = wallets.resolve("restored-" + random.nextInt(1_000_000) + ".json");

            Wallet restored = Wallet.restore(backup, "another passphrase".toCharArray(), restoredFile, PASSPHRASE,
                    patients.light);

            PatientIdentity same = restored.identityFor(Did.parse(city.did()));
            assertThat(same.did()).isEqualTo(identity.did());
            assertThat(submit(city, patients.sign(same, withholding())).statusCode()).isEqualTo(201);
            assertThat(Files.readString(restoredFile)).doesNotContain(identity.did().value());
        }
    }

    // --- the wallet's side, as the patient app does it (PatientSide) ---


    private Provision withholding(SecurityLabel... labels) {
        List<Provision> exceptions = labels.length == 0 ? List.of() : List.of(new Provision(ProvisionType.DENY, null,
                List.of(), List.of(), List.of(), List.of(), List.of(labels), List.of()));
        return new Provision(ProvisionType.PERMIT, null, List.of(Did.parse(stMarys.did())), List.of(Did.parse(city.did())),
                List.of(PurposeOfUse.TREAT), List.of(), List.of(), exceptions);
    }



    private static String patientIdentifiers(LedgerNode node, String patientId) {
        return node.send("GET", "/fhir/Patient/" + patientId, null, null, Role.ADMIN).body();
    }

    /** The JWS with text replaced in its header and payload, and its signature kept: what a forger can do. */
    private static String alter(String jws, String... fromTo) {
        String[] parts = jws.split("\\.");
        String header = decoded(parts[0]);
        String payload = decoded(parts[1]);
        for (int i = 0; i < fromTo.length; i += 2) {
            header = header.replace(fromTo[i], fromTo[i + 1]);
            payload = payload.replace(fromTo[i], fromTo[i + 1]);
        }
        return b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(payload.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    private static String consentIdOf(String grant) {
        return org.medmesh.chaincode.consent.ConsentGrant.parse(grant).id().value();
    }

    private static String decoded(String part) {
        return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
    }

}
