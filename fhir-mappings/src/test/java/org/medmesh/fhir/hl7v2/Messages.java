package org.medmesh.fhir.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Synthetic test messages in src/test/resources/hl7v2 (no real patient), segments joined with CR as on the wire. */
final class Messages {

    private Messages() {}

    static String load(String name) {
        try (InputStream in = Messages.class.getResourceAsStream("/hl7v2/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\n", "\r");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
