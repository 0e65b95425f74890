package org.medmesh.node.application.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.node.adapter.out.keys.SealedNodeKeys;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.OrganizationRegistration;

/** Key rotation on the real embedded ledger; refusals and lost answers through the recording client. */
class RotateNodeKeysTest {
    private final IdentityFixture fixture = new IdentityFixture();
    private final IdentityFixture.Recording recording = new IdentityFixture.Recording(fixture.hospital1);

    @TempDir
    Path dataDir;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Nested
    class Success {
        @Test
        void puts_new_keys_on_the_ledger_and_in_the_key_file() {
            SealedNodeKeys keys = registered();
            NodePublicKeys old = keys.publicKeys();

            RotateNodeKeys.Rotation rotation = new RotateNodeKeys(fixture.hospital1, keys).rotate();

            assertThat(rotation.version()).isEqualTo(2);
            assertThat(rotation.keys()).isEqualTo(keys.publicKeys());
            assertThat(rotation.keys().signingKey()).isNotEqualTo(old.signingKey());
            assertThat(rotation.keys().matches(onLedger())).isTrue();
            assertThat(IdentityFixture.keys(dataDir).publicKeys()).isEqualTo(rotation.keys());
            assertThat(keys.pending()).isEmpty();
        }

        @Test
        void keeps_the_service_endpoint() {
            SealedNodeKeys keys = registered();

            new RotateNodeKeys(fixture.hospital1, keys).rotate();

            assertThat(onLedger().serviceEndpoint()).contains(IdentityFixture.ENDPOINT.toString());
        }
    }

    @Nested
    class Refusals {
        @Test
        void refuses_before_the_organisation_is_registered() {
            SealedNodeKeys keys = IdentityFixture.keys(dataDir);

            assertThatThrownBy(() -> new RotateNodeKeys(fixture.hospital1, keys).rotate())
                    .isInstanceOfSatisfying(IdentityException.class,
                            e -> assertThat(e.code()).isEqualTo(IdentityException.Code.NOT_REGISTERED));
            assertThat(keys.pending()).isEmpty();
        }

        @Test
        void keeps_the_current_keys_when_the_ledger_refuses() {
            SealedNodeKeys keys = registered();
            NodePublicKeys current = keys.publicKeys();
            recording.overrides.put("updateOrganization", args -> {
                throw new LedgerClientException(LedgerErrorCode.STALE_VERSION, "stale", null);
            });

            assertThatThrownBy(() -> new RotateNodeKeys(recording.client(), keys).rotate())
                    .isInstanceOf(LedgerClientException.class);
            assertThat(keys.publicKeys()).isEqualTo(current);
            assertThat(keys.pending()).isEmpty();
            assertThat(current.matches(onLedger())).isTrue();
        }
    }

    @Nested
    class LostAnswer {
        @Test
        void keeps_the_new_keys_pending_when_the_ledger_does_not_answer() {
            SealedNodeKeys keys = registered();
            recording.overrides.put("updateOrganization", args -> {
                throw new LedgerClientException(LedgerErrorCode.UNAVAILABLE, "timeout", null);
            });

            assertThatThrownBy(() -> new RotateNodeKeys(recording.client(), keys).rotate())
                    .isInstanceOf(LedgerClientException.class);
            assertThat(keys.pending()).isPresent();
        }

        @Test
        void the_next_start_completes_a_rotation_that_committed_without_an_answer() {
            SealedNodeKeys keys = registered();
            recording.overrides.put("updateOrganization", args -> {
                fixture.hospital1.updateOrganization((OrganizationRegistration) args[0], (Long) args[1]);
                throw new LedgerClientException(LedgerErrorCode.UNAVAILABLE, "commit status lost", null);
            });
            assertThatThrownBy(() -> new RotateNodeKeys(recording.client(), keys).rotate())
                    .isInstanceOf(LedgerClientException.class);
            NodePublicKeys committed = keys.pending().orElseThrow();

            SealedNodeKeys restarted = IdentityFixture.keys(dataDir);
            new RegisterNodeIdentity(fixture.hospital1, restarted, false).register(IdentityFixture.ENDPOINT);

            assertThat(restarted.publicKeys()).isEqualTo(committed);
            assertThat(committed.matches(onLedger())).isTrue();
        }

        @Test
        void the_next_rotation_completes_it_too() {
            SealedNodeKeys keys = registered();
            recording.overrides.put("updateOrganization", args -> {
                fixture.hospital1.updateOrganization((OrganizationRegistration) args[0], (Long) args[1]);
                throw new LedgerClientException(LedgerErrorCode.UNAVAILABLE, "commit status lost", null);
            });
            assertThatThrownBy(() -> new RotateNodeKeys(recording.client(), keys).rotate())
                    .isInstanceOf(LedgerClientException.class);

            RotateNodeKeys.Rotation rotation = new RotateNodeKeys(fixture.hospital1, keys).rotate();

            assertThat(rotation.version()).isEqualTo(3);
            assertThat(keys.publicKeys().matches(onLedger())).isTrue();
        }
    }

    private SealedNodeKeys registered() {
        SealedNodeKeys keys = IdentityFixture.keys(dataDir);
        new RegisterNodeIdentity(fixture.hospital1, keys, false).register(IdentityFixture.ENDPOINT);
        return keys;
    }

    private DidDocument onLedger() {
        return fixture.hospital2.resolve(fixture.hospital1.organization()).orElseThrow();
    }
}
