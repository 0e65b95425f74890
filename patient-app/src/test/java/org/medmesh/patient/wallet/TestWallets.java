package org.medmesh.patient.wallet;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;

/** Fixtures for wallet tests: real Argon2id at 1 MiB and one pass, so that each save takes milliseconds. */
final class TestWallets {

    static final Instant NOW = Instant.parse("2026-03-02T09:30:00Z");
    static final Did CITY = Did.forOrganization("CityHospitalMSP");
    static final Did RIVER = Did.forOrganization("RiverClinicMSP");

    private TestWallets() {
    }

    static WalletSettings fastSettings() {
        return new WalletSettings(new PassphraseSeal(new Argon2idParameters(1024, 1, 1)), new SecureRandom(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static char[] passphrase() {
        return "correct horse battery staple".toCharArray();
    }

    static char[] otherPassphrase() {
        return "a different backup phrase".toCharArray();
    }

    static void assertCode(ThrowingCallable call, WalletException.Code code) {
        assertThatExceptionOfType(WalletException.class).isThrownBy(call).extracting(WalletException::code)
                .isEqualTo(code);
    }
}
