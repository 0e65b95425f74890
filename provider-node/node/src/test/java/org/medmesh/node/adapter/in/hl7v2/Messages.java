package org.medmesh.node.adapter.in.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The synthetic messages in src/test/resources/hl7v2 (copied from fhir-mappings; no real patient), segments joined
 * with CR as on the wire. Each test gives its own patient number so that tests sharing a node do not meet.
 */
final class Messages {
    private Messages() {}

    /** The message as written, for patient MRN 100234, visit V7781, filler order LF-99871. */
    static String load(String name) {
        try (InputStream in = Messages.class.getResourceAsStream("/hl7v2/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test message " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\n", "\r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The message about another patient: MRN {@code mrn}, with a visit and filler order of their own. */
    static String forPatient(String name, String mrn) {
        return load(name).replace("|100234^", "|" + mrn + "^").replace("|V7781^", "|V" + mrn + "^")
                .replace("|LF-99871^", "|LF-" + mrn + "^");
    }
}
