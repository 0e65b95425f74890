package org.medmesh.node.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.node.domain.identity.ResolvedDid;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.patient.wallet.PatientIdentity;

/** Resolution on the real embedded ledger; event delivery either real or by hand (the recording client). */
class DidResolverTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOSPITAL1 = "did:medmesh:org:Hospital1MSP";

    private final IdentityFixture fixture = new IdentityFixture();
    private final IdentityFixture.Recording recording = new IdentityFixture.Recording(fixture.hospital2);
    private final DidResolver resolver = DidResolver.open(recording.client(), 100, Duration.ofMinutes(10),
            Clock.systemUTC());

    @AfterEach
    void close() {
        resolver.close();
        fixture.close();
    }

    @Nested
    class LedgerDids {
        @Test
        void resolves_an_organisation_with_its_keys_and_endpoint() {
            NodePublicKeys keys = register();

            ResolvedDid resolved = resolver.resolve(HOSPITAL1).orElseThrow();

            assertThat(resolved.signingKey()).contains(keys.signingKey());
            assertThat(resolved.agreementKey()).contains(keys.agreementKey());
            assertThat(resolved.serviceEndpoint()).contains(IdentityFixture.ENDPOINT.toString());
            assertThat(json(resolved).path("id").asText()).isEqualTo(HOSPITAL1);
        }

        @Test
        void resolves_an_unknown_did_to_nothing() {
            assertThat(resolver.resolve("did:medmesh:org:NoSuchMSP")).isEmpty();
        }

        @Test
        void answers_again_from_its_cache() {
            register();
            resolver.resolve(HOSPITAL1);

            resolver.resolve(HOSPITAL1);

            assertThat(recording.count("resolve")).isEqualTo(1);
        }

        @Test
        void evicts_a_did_when_its_rotation_event_arrives() {
            register();
            resolver.resolve(HOSPITAL1);
            NodePublicKeys rotated = rotate(1);

            deliver("DidRotated", "{\"did\":\"" + HOSPITAL1 + "\",\"version\":2}");

            assertThat(resolver.resolve(HOSPITAL1).orElseThrow().signingKey()).contains(rotated.signingKey());
        }

        @Test
        void evicts_a_patient_did_when_its_deactivation_event_arrives() {
            PatientIdentity patient = PatientIdentity.create(RANDOM);
            fixture.hospital1.registerPatient(new SignedOperation(patient.signedCreate()));
            resolver.resolve(patient.did().value());
            fixture.hospital1.deactivatePatient(new SignedOperation(patient.signedDeactivate()));

            deliver("DidDeactivated", "{\"did\":\"" + patient.did().value() + "\",\"version\":2}");

            ResolvedDid resolved = resolver.resolve(patient.did().value()).orElseThrow();
            assertThat(resolved.deactivated()).isTrue();
            assertThat(resolved.signingKey()).isEmpty();
        }

        @Test
        void keeps_its_cache_on_other_events() {
            register();
            resolver.resolve(HOSPITAL1);

            deliver("ConsentGranted", "{\"consentId\":\"c\"}");
            resolver.resolve(HOSPITAL1);

            assertThat(recording.count("resolve")).isEqualTo(1);
        }

        @Test
        void forgets_everything_when_an_event_is_unreadable() {
            register();
            resolver.resolve(HOSPITAL1);

            deliver("DidRotated", "not json");

            assertThat(resolver.cached()).isZero();
        }
    }

    @Nested
    class WithTheLedgersEvents {
        @Test
        void serves_the_new_key_once_the_rotation_event_arrived_and_never_the_old_one_again() throws Exception {
            register();
            try (DidResolver subscribed = DidResolver.open(fixture.hospital2, 100, Duration.ofMinutes(10),
                    Clock.systemUTC())) {
                String old = subscribed.resolve(HOSPITAL1).orElseThrow().signingKey().orElseThrow();
                NodePublicKeys rotated = rotate(1);

                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (subscribed.resolve(HOSPITAL1).orElseThrow().signingKey().orElseThrow().equals(old)) {
                    assertThat(System.nanoTime()).as("rotation event within 5 s").isLessThan(deadline);
                    Thread.sleep(10);
                }
                for (int i = 0; i < 20; i++) {
                    assertThat(subscribed.resolve(HOSPITAL1).orElseThrow().signingKey()).contains(rotated.signingKey());
                }
            }
        }
    }

    @Nested
    class DidKeys {
        @Test
        void resolves_an_ed25519_key_to_a_document_that_signs_and_agrees() {
            ResolvedDid resolved = resolver.resolve(
                    "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp").orElseThrow();

            JsonNode document = json(resolved);
            String did = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";
            assertThat(document.path("id").asText()).isEqualTo(did);
            assertThat(document.path("verificationMethod").path(0).path("id").asText())
                    .isEqualTo(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
            assertThat(document.path("verificationMethod").path(0).path("publicKeyJwk").path("x").asText())
                    .isEqualTo("O2onvM62pC1io6jQKm8Nc2UyFXcd4kOmOsBIoYtZ2ik");
            assertThat(document.path("authentication").path(0).asText())
                    .isEqualTo(did + "#z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");
            assertThat(document.path("keyAgreement").path(0).asText())
                    .isEqualTo(did + "#z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW");
            assertThat(resolved.agreementKey()).contains("W_Vcc7guviK-gPNDBmevVw-uJVamQV5rMNQGUwCqlH0");
        }

        @Test
        void resolves_an_x25519_key_to_a_document_that_only_agrees() {
            ResolvedDid resolved = resolver.resolve(
                    "did:key:z6LShs9GGnqk85isEBzzshkuVWrVKsRp24GnDuHk8QWkARMW").orElseThrow();

            JsonNode document = json(resolved);
            assertThat(resolved.signingKey()).isEmpty();
            assertThat(document.has("authentication")).isFalse();
            assertThat(document.path("verificationMethod").path(0).path("publicKeyJwk").path("crv").asText())
                    .isEqualTo("X25519");
        }

        @Test
        void never_asks_the_ledger() {
            resolver.resolve("did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp");

            assertThat(recording.count("resolve")).isZero();
        }
    }

    @Nested
    class Refusals {
        @ParameterizedTest
        @ValueSource(strings = {"", "not a did", "did:medmesh:org:", "did:medmesh:tooShort",
            "did:key:zNotBase58lIO0", "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp#key-1",
            "did:medmesh:org:Hospital1MSP?versionId=1"})
        void refuses_what_is_not_a_did_of_its_method_as_malformed(String did) {
            assertThatThrownBy(() -> resolver.resolve(did)).isInstanceOfSatisfying(IdentityException.class,
                    e -> assertThat(e.code()).isEqualTo(IdentityException.Code.MALFORMED_DID));
        }

        @Test
        void refuses_other_methods_as_unsupported() {
            assertThatThrownBy(() -> resolver.resolve("did:web:hospital.example")).isInstanceOfSatisfying(
                    IdentityException.class, e -> assertThat(e.code())
                            .isEqualTo(IdentityException.Code.UNSUPPORTED_METHOD));
        }
    }

    private NodePublicKeys register() {
        NodePublicKeys keys = freshKeys();
        fixture.hospital1.registerOrganization(keys.registration("Hospital1MSP", IdentityFixture.ENDPOINT));
        return keys;
    }

    private NodePublicKeys rotate(long previousVersion) {
        NodePublicKeys keys = freshKeys();
        fixture.hospital1.updateOrganization(keys.registration("Hospital1MSP", IdentityFixture.ENDPOINT),
                previousVersion);
        return keys;
    }

    private void deliver(String name, String payload) {
        recording.handler.accept(new LedgerEvent(fixture.hospital1.height(), "tx-" + RANDOM.nextLong(), name,
                payload));
    }

    private static NodePublicKeys freshKeys() {
        return new NodePublicKeys(Base64Url.encode(new Ed25519PrivateKeyParameters(RANDOM).generatePublicKey()
                .getEncoded()), Base64Url.encode(new X25519PrivateKeyParameters(RANDOM).generatePublicKey()
                .getEncoded()));
    }

    private static JsonNode json(ResolvedDid resolved) {
        try {
            return JSON.readTree(resolved.document());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
