package org.medmesh.node.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.adapter.out.keys.SealedNodeKeys;
import org.medmesh.node.application.identity.RegisterNodeIdentity.Outcome;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.node.domain.ledger.DidDocument;

/** Registration at start-up on the real embedded ledger, with the real sealed keys reopened as a restart would. */
class RegisterNodeIdentityTest {
    private final IdentityFixture fixture = new IdentityFixture();

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Nested
    class FirstStart {
        @Test
        void registers_the_organisation_with_the_nodes_keys_and_endpoint() {
            SealedNodeKeys keys = IdentityFixture.keys(dataDir);

            RegisterNodeIdentity.Registration registration = register(keys, IdentityFixture.ENDPOINT);

            assertThat(registration.outcome()).isEqualTo(Outcome.REGISTERED);
            assertThat(registration.version()).isEqualTo(1);
            DidDocument onLedger = onLedger();
            assertThat(keys.publicKeys().matches(onLedger)).isTrue();
            assertThat(onLedger.serviceEndpoint()).contains(IdentityFixture.ENDPOINT.toString());
        }
    }

    @Nested
    class Restart {
        @Test
        void writes_nothing_when_nothing_changed() {
            register(IdentityFixture.keys(dataDir), IdentityFixture.ENDPOINT);
            long height = fixture.hospital1.height();

            RegisterNodeIdentity.Registration again = register(IdentityFixture.keys(dataDir), IdentityFixture.ENDPOINT);

            assertThat(again.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(again.version()).isEqualTo(1);
            assertThat(fixture.hospital1.height()).isEqualTo(height);
        }

        @Test
        void updates_a_changed_endpoint_with_the_same_keys() {
            SealedNodeKeys keys = IdentityFixture.keys(dataDir);
            register(keys, IdentityFixture.ENDPOINT);

            RegisterNodeIdentity.Registration moved = register(IdentityFixture.keys(dataDir),
                    URI.create("https://moved.hospital1.example"));

            assertThat(moved.outcome()).isEqualTo(Outcome.ENDPOINT_UPDATED);
            assertThat(onLedger().version()).isEqualTo(2);
            assertThat(onLedger().serviceEndpoint()).contains("https://moved.hospital1.example");
            assertThat(keys.publicKeys().matches(onLedger())).isTrue();
        }
    }

    @Nested
    class InterruptedRotation {
        @Test
        void promotes_pending_keys_the_ledger_committed_before_the_node_stopped() {
            SealedNodeKeys keys = IdentityFixture.keys(dataDir);
            register(keys, IdentityFixture.ENDPOINT);
            NodePublicKeys pending = keys.stagePending();
            fixture.hospital1.updateOrganization(pending.registration("Hospital1MSP", IdentityFixture.ENDPOINT), 1);
            long height = fixture.hospital1.height();

            SealedNodeKeys restarted = IdentityFixture.keys(dataDir);
            RegisterNodeIdentity.Registration registration = register(restarted, IdentityFixture.ENDPOINT);

            assertThat(registration.outcome()).isEqualTo(Outcome.ROTATION_COMPLETED);
            assertThat(restarted.publicKeys()).isEqualTo(pending);
            assertThat(restarted.pending()).isEmpty();
            assertThat(IdentityFixture.keys(dataDir).publicKeys()).isEqualTo(pending);
            assertThat(fixture.hospital1.height()).isEqualTo(height);
        }

        @Test
        void discards_pending_keys_the_ledger_never_saw() {
            SealedNodeKeys keys = IdentityFixture.keys(dataDir);
            register(keys, IdentityFixture.ENDPOINT);
            NodePublicKeys current = keys.publicKeys();
            keys.stagePending();

            SealedNodeKeys restarted = IdentityFixture.keys(dataDir);
            RegisterNodeIdentity.Registration registration = register(restarted, IdentityFixture.ENDPOINT);

            assertThat(registration.outcome()).isEqualTo(Outcome.UNCHANGED);
            assertThat(restarted.publicKeys()).isEqualTo(current);
            assertThat(IdentityFixture.keys(dataDir).pending()).isEmpty();
        }
    }

    @Nested
    class ForeignKeys {
        @Test
        void refuses_keys_on_the_ledger_that_the_node_does_not_hold() {
            register(IdentityFixture.keys(dataDir.resolve("first")), IdentityFixture.ENDPOINT);
            DidDocument before = onLedger();

            assertThatThrownBy(() -> register(IdentityFixture.keys(dataDir.resolve("lost")), IdentityFixture.ENDPOINT))
                    .isInstanceOfSatisfying(IdentityException.class, e -> {
                        assertThat(e.code()).isEqualTo(IdentityException.Code.KEYS_CONFLICT);
                        assertThat(e.getMessage()).contains("did:medmesh:org:Hospital1MSP",
                                "medmesh.node.replace-ledger-keys");
                    });
            assertThat(onLedger()).isEqualTo(before);
        }

        @Test
        void replaces_them_when_the_operator_says_so() {
            register(IdentityFixture.keys(dataDir.resolve("first")), IdentityFixture.ENDPOINT);
            SealedNodeKeys replacement = IdentityFixture.keys(dataDir.resolve("replacement"));

            RegisterNodeIdentity.Registration registration = new RegisterNodeIdentity(fixture.hospital1, replacement,
                    true).register(IdentityFixture.ENDPOINT);

            assertThat(registration.outcome()).isEqualTo(Outcome.KEYS_REPLACED);
            assertThat(replacement.publicKeys().matches(onLedger())).isTrue();
        }
    }

    private RegisterNodeIdentity.Registration register(SealedNodeKeys keys, URI endpoint) {
        return new RegisterNodeIdentity(fixture.hospital1, keys, false).register(endpoint);
    }

    private DidDocument onLedger() {
        return fixture.hospital2.resolve(fixture.hospital1.organization()).orElseThrow();
    }
}
