package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.medmesh.chaincode.crypto.CompactJws;
import org.medmesh.chaincode.identity.PatientOperation;
import org.medmesh.chaincode.json.CanonicalJson;

class PatientIdentityTest {
    private final SecureRandom random = new SecureRandom();

    @Test
    void derives_the_did_from_the_first_keys() {
        PatientIdentity identity = PatientIdentity.create(random);

        assertThat(identity.did()).isEqualTo(identity.publicKeys().deriveDid());
    }

    @Test
    void signs_a_create_operation_the_chaincode_accepts_as_self_signed() {
        PatientIdentity identity = PatientIdentity.create(random);

        PatientOperation op = PatientOperation.parse(identity.signedCreate(), PatientOperation.Op.CREATE);

        assertThat(op.did()).isEqualTo(identity.did());
        assertThat(op.jws().verifiedBy(identity.publicKeys().signingKey())).isTrue();
    }

    @Test
    void rotation_keeps_the_did_and_is_signed_by_the_previous_key() {
        PatientIdentity identity = PatientIdentity.create(random);

        PatientIdentity.Rotation rotation = identity.rotate(random, false);

        assertThat(rotation.next().did()).isEqualTo(identity.did());
        assertThat(rotation.next().version()).isEqualTo(2);
        assertThat(CompactJws.parse(rotation.signedOperation()).verifiedBy(identity.publicKeys().signingKey()))
                .isTrue();
    }

    @Test
    void recovery_rotation_is_signed_by_the_recovery_key() {
        PatientIdentity identity = PatientIdentity.create(random);

        String jws = identity.rotate(random, true).signedOperation();

        assertThat(CompactJws.parse(jws).verifiedBy(identity.publicKeys().recoveryKey())).isTrue();
        assertThat(CompactJws.parse(jws).verifiedBy(identity.publicKeys().signingKey())).isFalse();
    }

    @Test
    void never_prints_private_keys() {
        PatientIdentity identity = PatientIdentity.create(random);

        assertThat(identity.toString()).doesNotContain(identity.publicKeys().signingKey().encoded());
        assertThat(PatientKeyRing.generate(random).toString()).contains("hidden");
    }

    @Test
    void revocation_names_the_consent_and_the_patient() {
        PatientIdentity identity = PatientIdentity.create(random);

        CompactJws jws = CompactJws.parse(identity.signedRevoke("c-abc", Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(jws.payload().get("consentId").asText()).isEqualTo("c-abc");
        assertThat(jws.payload().get("patient").asText()).isEqualTo(identity.did().value());
    }

    @Test
    void answers_a_challenge_with_a_did_auth_payload_signed_by_the_signing_key() {
        PatientIdentity identity = PatientIdentity.create(random);

        CompactJws jws = CompactJws.parse(identity.signedChallengeResponse("did:medmesh:org:CityHospitalMSP",
                "n-123", Instant.parse("2026-03-02T09:30:00Z")));

        assertThat(CanonicalJson.write(jws.payload())).isEqualTo("{\"aud\":\"did:medmesh:org:CityHospitalMSP\","
                + "\"challenge\":\"n-123\",\"did\":\"" + identity.did().value() + "\","
                + "\"iat\":\"2026-03-02T09:30:00Z\",\"type\":\"medmesh.didauth\"}");
        assertThat(jws.kid().toString()).isEqualTo(identity.did().value() + "#sign");
        assertThat(jws.verifiedBy(identity.publicKeys().signingKey())).isTrue();
    }

    @Test
    void answers_challenges_from_organisations_only() {
        PatientIdentity identity = PatientIdentity.create(random);

        assertThatIllegalArgumentException().isThrownBy(() -> identity.signedChallengeResponse(
                identity.did().value(), "n-123", Instant.parse("2026-03-02T09:30:00Z")));
    }
}
