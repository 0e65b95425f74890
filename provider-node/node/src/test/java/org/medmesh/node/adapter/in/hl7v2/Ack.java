package org.medmesh.node.adapter.in.hl7v2;

import java.util.Arrays;
import java.util.Optional;

/** An acknowledgment as received, read field by field (segments end with CR, fields split on |). */
record Ack(String text) {

    static Ack of(String text) {
        return new Ack(text);
    }

    /** MSA-1: AA, AE or AR. */
    String code() {
        return field("MSA", 1);
    }

    /** MSA-2: the control id of the message acknowledged. */
    String acknowledgedControlId() {
        return field("MSA", 2);
    }

    /** MSA-3: the sentence saying what was wrong. */
    String textMessage() {
        return field("MSA", 3);
    }

    /** ERR-2 (error location), e.g. {@code PID^1^3}. */
    String errorLocation() {
        return field("ERR", 2);
    }

    /** ERR-3 (HL7 error code, table 0357), e.g. {@code 101^Required field missing^HL70357}. */
    String errorCode() {
        return field("ERR", 3);
    }

    String field(String segment, int number) {
        Optional<String> line = Arrays.stream(text.split("\r")).filter(s -> s.startsWith(segment + "|")).findFirst();
        String[] fields = line.orElseThrow(() -> new AssertionError("no " + segment + " in " + text)).split("\\|", -1);
        return number < fields.length ? fields[number] : "";
    }
}
