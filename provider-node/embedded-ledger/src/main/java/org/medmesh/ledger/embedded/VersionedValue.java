package org.medmesh.ledger.embedded;

import com.google.protobuf.ByteString;
import java.util.Objects;

/** A committed value and the version that wrote it. */
record VersionedValue(ByteString value, Version version) {
    VersionedValue {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(version, "version");
    }
}
