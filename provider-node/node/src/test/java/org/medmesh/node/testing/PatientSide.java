package org.medmesh.node.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medmesh.node.testing.LedgerNode.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentHeader;
import org.medmesh.fhir.consent.ConsentMapper;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletSettings;

/**
 * The patient's and the front desk's side against real nodes, as the patient app and the hospital's staff do it:
 * a wallet (light Argon2id for tests), DIDs registered through a node's relay, enrolment with a desk's code,
 * consents signed and submitted, and links between a patient's DIDs at two hospitals.
 */
public final class PatientSide {
    public static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();
    private static final String POLICY = "https://medmesh.org/policy/consent/v1";

    private final SecureRandom random = new SecureRandom();
    public final WalletSettings light = light();
    private final Path wallets;

    /** Wallet settings with a light Argon2id (1 MiB, one pass): fast tests, never a real wallet. */
    public static WalletSettings light() {
        return new WalletSettings(new PassphraseSeal(new Argon2idParameters(1024, 1, 1)), new SecureRandom(),
                Clock.systemUTC());
    }

    public PatientSide(Path wallets) {
        this.wallets = wallets;
    }

    public Wallet newWallet() {
        return Wallet.create(wallets.resolve("wallet-" + random.nextLong() + ".json"), PASSPHRASE, light);
    }

    /** The wallet's DID for {@code node}'s hospital, registered on the ledger through that node's relay. */
    public PatientIdentity registered(Wallet wallet, LedgerNode node) {
        Did hospital = Did.parse(node.did());
        PatientIdentity identity = wallet.identityFor(hospital);
        HttpResponse<String> response = node.post("/relay/patients", body("operation", identity.signedCreate()),
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        wallet.markRegistered(hospital);
        wallet.save();
        return identity;
    }

    /** Enrols {@code identity} at {@code node} as the local Patient {@code patientId} (desk code, then wallet). */
    public void enrol(LedgerNode node, String patientId, PatientIdentity identity) {
        String code = enrolmentCode(node, patientId);
        HttpResponse<String> response = node.post("/enrolments/" + code + "/response",
                body("response", identity.signedChallengeResponse(node.did(), code, Instant.now())), null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    public static String enrolmentCode(LedgerNode node, String patientId) {
        HttpResponse<String> issued = node.post("/enrolments", body("patient", "Patient/" + patientId), Role.ADMIN);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return json(issued).get("challenge").textValue();
    }

    /** The FHIR Consent document of {@code provision} by {@code identity}. */
    public static byte[] document(PatientIdentity identity, Provision provision) {
        return ConsentDocuments.documentBytes(ConsentMapper.toConsent(provision,
                new ConsentHeader(identity.did(), Instant.now().truncatedTo(ChronoUnit.SECONDS), POLICY)));
    }

    /** The signed FHIR Consent of {@code provision} by {@code identity}, and the ledger grant over its hash. */
    public Signed sign(PatientIdentity identity, Provision provision) {
        byte[] document = document(identity, provision);
        return new Signed(identity.signedGrant(provision, ConsentDocuments.sha256Hex(document), Instant.now()),
                document);
    }

    /** A grant and its document. */
    public record Signed(String grant, byte[] document) {}

    public static HttpResponse<String> submit(LedgerNode node, Signed signed) {
        return node.post("/relay/consents", body("grant", signed.grant(), "document", b64(signed.document())), null);
    }

    /** Grants through {@code node}'s relay and returns the consent id. */
    public String grant(LedgerNode node, PatientIdentity identity, Provision provision) {
        HttpResponse<String> response = submit(node, sign(identity, provision));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json(response).get("id").textValue();
    }

    public static HttpResponse<String> revoke(LedgerNode node, PatientIdentity identity, String consentId) {
        return node.post("/relay/consents/" + consentId + "/revocation",
                body("operation", identity.signedRevoke(consentId, Instant.now())), null);
    }

    /** Tells {@code requester} that {@code here} (enrolled there) and {@code there} (at {@code holder}) are one. */
    public static HttpResponse<String> link(LedgerNode requester, PatientIdentity here, LedgerNode holder,
            PatientIdentity there) {
        String statement = org.medmesh.node.application.enrolment.LinkPatient.statement(
                org.medmesh.consent.ledger.Did.parse(holder.did()),
                org.medmesh.consent.ledger.Did.parse(there.did().value()),
                org.medmesh.consent.ledger.Did.parse(here.did().value()));
        return requester.post("/patients/links", body("holder", holder.did(),
                "here", here.signedChallengeResponse(requester.did(), statement, Instant.now()),
                "there", there.signedChallengeResponse(requester.did(), statement, Instant.now())), null);
    }

    /** A local Patient at {@code node} (through /fhir, as the hospital's EHR): its id. */
    public static String createPatient(LedgerNode node, String family) {
        HttpResponse<String> created = node.send("POST", "/fhir/Patient",
                "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}", "application/fhir+json",
                Role.ADMIN);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        return location.replaceAll(".*/Patient/([^/]+).*", "$1");
    }

    public static ObjectNode body(String... namesAndValues) {
        ObjectNode body = LedgerNode.JSON.createObjectNode();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            body.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return body;
    }

    public static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
