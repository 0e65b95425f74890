package org.medmesh.patient.wallet;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.medmesh.patient.seal.PassphraseSeal;

/**
 * What a wallet needs from outside: how to seal its file, randomness for keys and nonces, and the time.
 *
 * @param seal seals every save; opening reads the cost from the file, so saving may raise it
 * @param random keys, salts, nonces and the wallet id
 * @param clock enrolment times and the creation time
 */
public record WalletSettings(PassphraseSeal seal, SecureRandom random, Clock clock) {

    public WalletSettings {
        Objects.requireNonNull(seal, "seal");
        Objects.requireNonNull(random, "random");
        Objects.requireNonNull(clock, "clock");
    }

    /** The default seal cost (Argon2id 64 MiB, t=3, p=1) with the given randomness and time. */
    public static WalletSettings of(SecureRandom random, Clock clock) {
        return new WalletSettings(new PassphraseSeal(), random, clock);
    }

    /** Default seal, a new {@link SecureRandom} and the UTC system clock. */
    public static WalletSettings defaults() {
        return of(new SecureRandom(), Clock.systemUTC());
    }
}
