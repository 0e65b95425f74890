package org.medmesh.patient.seal;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id version 1.3 on Bouncy Castle; one place that wires type, version and cost, checked by a test vector. */
final class Argon2id {

    private Argon2id() {
    }

    /** Type, version, cost and salt; callers add nothing else (the test vector adds its secret and data). */
    static Argon2Parameters.Builder builder(Argon2idParameters cost, byte[] salt) {
        return new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(cost.memoryKib())
                .withIterations(cost.iterations())
                .withParallelism(cost.parallelism())
                .withSalt(salt);
    }

    static byte[] derive(Argon2Parameters parameters, byte[] password, int length) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    static byte[] derive(Argon2idParameters cost, byte[] salt, byte[] password, int length) {
        Argon2Parameters parameters = builder(cost, salt).build();
        try {
            return derive(parameters, password, length);
        } finally {
            parameters.clear();
        }
    }
}
