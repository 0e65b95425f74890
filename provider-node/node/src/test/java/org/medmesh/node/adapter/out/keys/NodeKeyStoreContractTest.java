package org.medmesh.node.adapter.out.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.bouncycastle.crypto.agreement.X25519Agreement;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.node.application.port.NodeKeyStore;
import org.medmesh.node.application.port.NodeKeysException;
import org.medmesh.node.domain.identity.NodePublicKeys;
import org.medmesh.consent.ledger.Did;

/** What every {@link NodeKeyStore} must do, whatever keeps the keys. */
public abstract class NodeKeyStoreContractTest {
    protected static final Did ORGANIZATION = Did.forOrganization("Hospital1MSP");
    private static final byte[] MESSAGE = "base64url(header).base64url(payload)".getBytes(StandardCharsets.US_ASCII);

    /** A fresh store for {@link #ORGANIZATION} with no pending keys. */
    protected abstract NodeKeyStore store();

    @Test
    void belongs_to_its_organization() {
        assertThat(store().organization()).isEqualTo(ORGANIZATION);
    }

    @Nested
    class Signing {
        @Test
        void signs_so_that_the_public_signing_key_verifies() {
            NodeKeyStore keys = store();

            byte[] signature = keys.sign(MESSAGE);

            assertThat(Ed25519PublicKey.parse(keys.publicKeys().signingKey()).verifies(MESSAGE, signature)).isTrue();
        }

        @Test
        void no_flipped_bit_of_a_signature_verifies() {
            NodeKeyStore keys = store();
            byte[] signature = keys.sign(MESSAGE);
            Ed25519PublicKey key = Ed25519PublicKey.parse(keys.publicKeys().signingKey());

            for (int bit = 0; bit < signature.length * 8; bit++) {
                byte[] flipped = signature.clone();
                flipped[bit / 8] ^= (byte) (1 << (bit % 8));
                assertThat(key.verifies(MESSAGE, flipped)).as("bit %d", bit).isFalse();
            }
        }
    }

    @Nested
    class Agreement {
        @Test
        void agrees_on_the_secret_the_peer_computes() {
            NodeKeyStore keys = store();
            X25519PrivateKeyParameters peer = new X25519PrivateKeyParameters(new SecureRandom());

            byte[] ours = keys.agree(peer.generatePublicKey().getEncoded());

            X25519Agreement theirs = new X25519Agreement();
            theirs.init(peer);
            byte[] expected = new byte[32];
            theirs.calculateAgreement(new X25519PublicKeyParameters(
                    Base64Url.decode(keys.publicKeys().agreementKey()), 0), expected, 0);
            assertThat(ours).isEqualTo(expected);
        }

        @Test
        void refuses_a_peer_key_of_the_wrong_length() {
            assertThatThrownBy(() -> store().agree(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void refuses_a_low_order_peer_key() {
            assertThatThrownBy(() -> store().agree(new byte[32])).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("low-order");
        }
    }

    @Nested
    class Rotation {
        @Test
        void has_no_pending_keys_at_first() {
            assertThat(store().pending()).isEmpty();
        }

        @Test
        void stages_new_keys_as_pending_and_keeps_the_current_ones() {
            NodeKeyStore keys = store();
            NodePublicKeys current = keys.publicKeys();

            NodePublicKeys staged = keys.stagePending();

            assertThat(staged.signingKey()).isNotEqualTo(current.signingKey());
            assertThat(staged.agreementKey()).isNotEqualTo(current.agreementKey());
            assertThat(keys.pending()).contains(staged);
            assertThat(keys.publicKeys()).isEqualTo(current);
        }

        @Test
        void promotes_the_pending_keys_to_current() {
            NodeKeyStore keys = store();
            NodePublicKeys staged = keys.stagePending();

            keys.promotePending();

            assertThat(keys.publicKeys()).isEqualTo(staged);
            assertThat(keys.pending()).isEmpty();
            assertThat(Ed25519PublicKey.parse(staged.signingKey()).verifies(MESSAGE, keys.sign(MESSAGE))).isTrue();
        }

        @Test
        void discards_the_pending_keys() {
            NodeKeyStore keys = store();
            NodePublicKeys current = keys.publicKeys();
            keys.stagePending();

            keys.discardPending();

            assertThat(keys.pending()).isEmpty();
            assertThat(keys.publicKeys()).isEqualTo(current);
        }

        @Test
        void refuses_to_promote_without_pending_keys() {
            assertThatThrownBy(() -> store().promotePending()).isInstanceOfSatisfying(NodeKeysException.class,
                    e -> assertThat(e.code()).isEqualTo(NodeKeysException.Code.NO_PENDING_KEYS));
        }
    }
}
