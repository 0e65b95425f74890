package org.medmesh.consent.ledger;

import java.util.Objects;

/** A consent's id: {@code c-} and the SHA-256 (hex) of the canonical signed grant payload. */
public record ConsentId(String value) {
    public ConsentId {
        Objects.requireNonNull(value, "value");
        if (!value.matches("c-[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a consent id");
        }
    }

    public static ConsentId parse(String value) {
        return new ConsentId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
