package org.medmesh.patient.node;

import java.util.Objects;

/**
 * What a node answered to {@code GET /patients/records}: the FHIR Bundle exactly as received, to be saved as it
 * came, and its {@link RecordsSummary}. A class rather than a record because it holds bytes; {@link #toString} tells
 * sizes only, never contents.
 */
public final class OwnRecords {

    private final byte[] bundle;
    private final RecordsSummary summary;

    OwnRecords(byte[] bundle, RecordsSummary summary) {
        this.bundle = Objects.requireNonNull(bundle, "bundle");
        this.summary = Objects.requireNonNull(summary, "summary");
    }

    /** A copy of the Bundle's bytes, as the node sent them. */
    public byte[] bundle() {
        return bundle.clone();
    }

    /** The Bundle's size in bytes. */
    public int size() {
        return bundle.length;
    }

    public RecordsSummary summary() {
        return summary;
    }

    @Override
    public String toString() {
        return "OwnRecords[" + bundle.length + " bytes, " + summary.total() + " resources]";
    }
}
