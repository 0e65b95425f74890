package org.medmesh.chaincode.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.Base58Btc;
import org.medmesh.chaincode.crypto.Base64Url;
import org.medmesh.chaincode.crypto.Ed25519PublicKey;
import org.medmesh.chaincode.crypto.Sha256;
import org.medmesh.chaincode.crypto.X25519PublicKey;
import org.medmesh.chaincode.support.JwsSigner;

class PatientKeysTest {

    private final Ed25519PublicKey signing = JwsSigner.generate().publicKey();
    private final Ed25519PublicKey recovery = JwsSigner.generate().publicKey();
    private final X25519PublicKey agreement = X25519PublicKey.parse(Base64Url.encode(new byte[32]));

    @Test
    void derives_the_did_from_the_sha256_of_the_canonical_keys_in_base58btc() {
        String canonical = "{\"agreementKey\":\"" + agreement.encoded() + "\",\"recoveryKey\":\"" + recovery.encoded()
                + "\",\"signingKey\":\"" + signing.encoded() + "\"}";
        String expected = "did:medmesh:" + Base58Btc.encode(Sha256.digest(canonical.getBytes()));
        assertThat(new PatientKeys(signing, agreement, recovery).deriveDid().value()).isEqualTo(expected);
    }

    @Test
    void derives_a_did_that_parses_as_a_patient_did() {
        Did did = new PatientKeys(signing, agreement, recovery).deriveDid();
        assertThat(did.isPatient()).isTrue();
        assertThat(did.isOrganization()).isFalse();
    }

    @Test
    void derives_another_did_when_any_key_differs() {
        Did first = new PatientKeys(signing, agreement, recovery).deriveDid();
        Did swapped = new PatientKeys(recovery, agreement, signing).deriveDid();
        assertThat(swapped).isNotEqualTo(first);
    }
}
