package org.medmesh.patient.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.seal.Argon2idParameters;
import org.medmesh.patient.seal.PassphraseSeal;
import org.medmesh.patient.wallet.Wallet;
import org.medmesh.patient.wallet.WalletSettings;

class PageSessionsTest {
    private static final char[] PASSPHRASE = "page sessions passphrase".toCharArray();
    private static final Did CITY = Did.parse("did:medmesh:org:CityHospitalMSP");

    @TempDir
    Path dir;

    private final WalletSettings light = new WalletSettings(new PassphraseSeal(new Argon2idParameters(1024, 1, 1)),
            new SecureRandom(), Clock.systemUTC());

    @Test
    void a_session_sees_what_another_process_wrote_to_the_wallet_since_it_was_unlocked() throws Exception {
        Path file = dir.resolve("wallet.json");
        Wallet.create(file, PASSPHRASE, light).close();
        PageSessions sessions = new PageSessions(Clock.systemUTC(), Duration.ofMinutes(5));
        String id = sessions.open(Wallet.open(file, PASSPHRASE, light), file, PASSPHRASE, light);

        try (Wallet commandLine = Wallet.open(file, PASSPHRASE, light)) {
            commandLine.identityFor(CITY);
        }
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(1))); // coarse clocks

        assertThat(sessions.active(id).orElseThrow().wallet().hospitals()).containsExactly(CITY);
    }

    @Test
    void an_idle_session_is_locked_and_its_wallet_closed() throws Exception {
        Path file = dir.resolve("wallet.json");
        Wallet.create(file, PASSPHRASE, light).close();
        MutableClock clock = new MutableClock();
        PageSessions sessions = new PageSessions(clock, Duration.ofMinutes(5));
        Wallet wallet = Wallet.open(file, PASSPHRASE, light);
        String id = sessions.open(wallet, file, PASSPHRASE, light);
        assertThat(sessions.active(id)).isPresent();

        clock.now = clock.now.plus(Duration.ofMinutes(5));
        sessions.sweep();

        assertThat(sessions.active(id)).isEmpty();
        assertThat(wallet.toString()).isEqualTo("Wallet[closed]");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T06:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
