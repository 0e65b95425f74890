package org.medmesh.node.adapter.in.http.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.adapter.in.fhir.auth.Role;
import org.medmesh.node.adapter.out.keys.SealedNodeKeys;
import org.medmesh.node.testing.LedgerNode;

/**
 * Real nodes over HTTP on one embedded ledger (shared directory and H2 database): each registers its organisation
 * DID as it starts, resolves the others', rotates its keys on an admin's request, and keeps its identity across
 * restarts. Node A (Hospital1MSP) has a configured passphrase, node B (Hospital2MSP) the generated passphrase file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NodeIdentityIT {
    private static final String A_DID = "did:medmesh:org:Hospital1MSP";
    private static final String PASSPHRASE = "correct horse battery staple";

    @TempDir
    static Path dir;
    private Path ledgerDir;
    private LedgerNode a;
    private LedgerNode b;

    @BeforeAll
    void startTwoNodes() {
        ledgerDir = dir.resolve("ledger");
        a = LedgerNode.start(withPassphrase(LedgerNode.settings(dir.resolve("a"), ledgerDir, "Hospital1MSP"),
                PASSPHRASE));
        b = LedgerNode.start(LedgerNode.settings(dir.resolve("b"), ledgerDir, "Hospital2MSP"));
    }

    @AfterAll
    void stopNodes() {
        b.close();
        a.close();
    }

    @Nested
    class PublicIdentity {
        @Test
        void names_the_did_and_service_endpoint_without_a_token() {
            HttpResponse<String> response = a.get("/identity");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(LedgerNode.json(response).path("did").asText()).isEqualTo(A_DID);
            assertThat(LedgerNode.json(response).path("serviceEndpoint").asText()).isEqualTo(a.url());
        }

        @Test
        void another_node_resolves_the_registered_did_with_its_endpoint() {
            HttpResponse<String> response = b.get("/dids/" + A_DID, "application/did+json");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/did+json"));
            JsonNode document = LedgerNode.json(response);
            assertThat(document.path("id").asText()).isEqualTo(A_DID);
            assertThat(document.path("service").path(0).path("serviceEndpoint").asText()).isEqualTo(a.url());
            assertThat(signingKey(document)).isEqualTo(signingKey(LedgerNode.json(a.get("/dids/" + A_DID))));
        }

        @Test
        void resolves_a_did_key_by_decoding_it() {
            JsonNode document = LedgerNode.json(
                    b.get("/dids/did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp"));

            assertThat(signingKey(document)).isEqualTo("O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik");
        }

        @Test
        void answers_404_for_an_unknown_did() {
            HttpResponse<String> response = b.get("/dids/did:medmesh:org:NoSuchMSP");

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        }

        @Test
        void answers_400_for_a_malformed_did() {
            HttpResponse<String> response = b.get("/dids/did:key:z6MkNotBase58lIO0");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(LedgerNode.json(response).path("code").asText()).isEqualTo("MALFORMED_DID");
        }
    }

    @Nested
    class Rotation {
        @Test
        void the_other_node_serves_the_new_key_within_a_second() {
            String before = signingKey(LedgerNode.json(b.get("/dids/" + A_DID)));

            HttpResponse<String> rotated = a.post("/admin/identity/rotation", Role.ADMIN);
            long rotatedAt = System.nanoTime();

            assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
            JsonNode answer = LedgerNode.json(rotated);
            String after = answer.path("signingKey").asText();
            assertThat(answer.path("did").asText()).isEqualTo(A_DID);
            assertThat(after).isNotEqualTo(before);
            awaitWithin(Duration.ofSeconds(1), rotatedAt, () ->
                    after.equals(signingKey(LedgerNode.json(b.get("/dids/" + A_DID)))));
            assertThat(LedgerNode.json(b.get("/dids/" + A_DID)).path("id").asText()).isEqualTo(A_DID);
        }

        @Test
        void answers_the_new_version() {
            long version = a.ledger().resolve(a.ledger().organization()).orElseThrow().version();

            JsonNode answer = LedgerNode.json(a.post("/admin/identity/rotation", Role.ADMIN));

            assertThat(answer.path("version").asLong()).isEqualTo(version + 1);
        }

        @Test
        void needs_a_token() {
            HttpResponse<String> response = a.post("/admin/identity/rotation", null);

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void needs_the_admin_role() {
            HttpResponse<String> response = a.post("/admin/identity/rotation", Role.CLINICIAN);

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @Nested
    class Restart {
        @Test
        void keeps_the_did_and_keys_without_writing_to_the_ledger() {
            Map<String, Object> settings = withPublicUrl(LedgerNode.settings(dir.resolve("c"), ledgerDir,
                    "Hospital3MSP"), "https://c.hospital.example");
            JsonNode before;
            long height;
            try (LedgerNode c = LedgerNode.start(settings)) {
                before = LedgerNode.json(c.get("/dids/did:medmesh:org:Hospital3MSP"));
                height = c.ledger().height();
            }

            try (LedgerNode c = LedgerNode.start(settings)) {
                assertThat(LedgerNode.json(c.get("/dids/did:medmesh:org:Hospital3MSP"))).isEqualTo(before);
                assertThat(c.ledger().height()).isEqualTo(height);
            }
        }

        @Test
        void updates_a_changed_endpoint_and_keeps_the_keys() {
            Map<String, Object> settings = LedgerNode.settings(dir.resolve("d"), ledgerDir, "Hospital4MSP");
            String key;
            try (LedgerNode d = LedgerNode.start(withPublicUrl(settings, "https://old.hospital.example"))) {
                key = signingKey(LedgerNode.json(d.get("/dids/did:medmesh:org:Hospital4MSP")));
            }

            try (LedgerNode d = LedgerNode.start(withPublicUrl(settings, "https://new.hospital.example"))) {
                JsonNode document = LedgerNode.json(d.get("/dids/did:medmesh:org:Hospital4MSP"));
                assertThat(document.path("service").path(0).path("serviceEndpoint").asText())
                        .isEqualTo("https://new.hospital.example");
                assertThat(signingKey(document)).isEqualTo(key);
            }
        }

        @Test
        void refuses_to_start_when_the_ledger_holds_other_keys_for_the_organisation() {
            Map<String, Object> impostor = LedgerNode.settings(dir.resolve("lost-keys"), ledgerDir, "Hospital1MSP");

            assertThatThrownBy(() -> LedgerNode.start(impostor).close())
                    .hasStackTraceContaining("the ledger holds other keys for " + A_DID);
        }
    }

    @Nested
    class KeyFile {
        @Test
        void a_wrong_passphrase_refuses_to_start_and_leaves_the_key_file_unchanged() throws Exception {
            Map<String, Object> settings = LedgerNode.settings(dir.resolve("e"), ledgerDir, "Hospital5MSP");
            LedgerNode.start(withPassphrase(settings, PASSPHRASE)).close();
            Path keyFile = keyFile(dir.resolve("e"));
            byte[] sealed = Files.readAllBytes(keyFile);

            assertThatThrownBy(() -> LedgerNode.start(withPassphrase(settings, "not the passphrase")).close())
                    .hasStackTraceContaining("does not open with medmesh.node.key-passphrase");
            assertThat(Files.readAllBytes(keyFile)).isEqualTo(sealed);
        }

        @Test
        void is_an_owner_only_sealed_envelope() throws Exception {
            Path keyFile = keyFile(a.dataDir);

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(LedgerNode.JSON.readTree(keyFile.toFile()).path("format").asText())
                    .isEqualTo("medmesh.sealed");
        }

        @Test
        void without_a_configured_passphrase_the_node_keeps_a_generated_one_owner_only() throws Exception {
            Path passphrase = b.dataDir.resolve(SealedNodeKeys.DIRECTORY).resolve("passphrase");

            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passphrase)))
                    .isEqualTo("rw-------");
            assertThat(a.dataDir.resolve(SealedNodeKeys.DIRECTORY).resolve("passphrase")).doesNotExist();
        }
    }

    private static Path keyFile(Path dataDir) {
        return dataDir.resolve(SealedNodeKeys.DIRECTORY).resolve(SealedNodeKeys.KEY_FILE);
    }

    private static String signingKey(JsonNode document) {
        return document.path("verificationMethod").path(0).path("publicKeyJwk").path("x").asText();
    }

    private static Map<String, Object> withPassphrase(Map<String, Object> settings, String passphrase) {
        settings.put("medmesh.node.key-passphrase", passphrase);
        return settings;
    }

    private static Map<String, Object> withPublicUrl(Map<String, Object> settings, String url) {
        settings.put("medmesh.node.public-url", url);
        return settings;
    }

    /** Polls until {@code condition} holds, failing once {@code limit} has passed since {@code startNanos}. */
    private static void awaitWithin(Duration limit, long startNanos, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - startNanos > limit.toNanos()) {
                throw new AssertionError("not within " + limit);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
