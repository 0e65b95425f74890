package org.medmesh.patient.seal;

/**
 * The cost of Argon2id (RFC 9106) key derivation. The bounds are also what {@link PassphraseSeal#open} accepts
 * from a file, so a crafted envelope cannot make it allocate gigabytes or loop for minutes.
 *
 * @param memoryKib memory in KiB (RFC 9106 {@code m}), at least 8 per lane, at most 1 GiB
 * @param iterations passes over memory ({@code t}), 1 to 16
 * @param parallelism lanes ({@code p}), 1 to 16
 */
public record Argon2idParameters(int memoryKib, int iterations, int parallelism) {

    /** 64 MiB, 3 passes, 1 lane: RFC 9106's second recommended option, for machines without 2 GiB to spare. */
    public static final Argon2idParameters DEFAULT = new Argon2idParameters(64 * 1024, 3, 1);

    public static final int MAX_MEMORY_KIB = 1024 * 1024;
    public static final int MAX_ITERATIONS = 16;
    public static final int MAX_PARALLELISM = 16;

    public Argon2idParameters {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parallelism must be 1 to " + MAX_PARALLELISM);
        }
        if (memoryKib < 8 * parallelism || memoryKib > MAX_MEMORY_KIB) {
            throw new IllegalArgumentException("Argon2id memory must be 8 KiB per lane to " + MAX_MEMORY_KIB + " KiB");
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("Argon2id iterations must be 1 to " + MAX_ITERATIONS);
        }
    }
}
