package org.medmesh.fhirstore;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** The index rows one resource version produces, deduplicated. */
final class IndexRows {
    record TokenRow(String param, String system, String code) {}

    record StringRow(String param, String exact, String normalized) {}

    record DateRow(String param, Instant low, Instant high) {}

    record ReferenceRow(String param, String targetType, String targetId) {}

    final Set<TokenRow> tokens = new LinkedHashSet<>();
    final Set<StringRow> strings = new LinkedHashSet<>();
    final Set<DateRow> dates = new LinkedHashSet<>();
    final Set<ReferenceRow> references = new LinkedHashSet<>();
    /** Patients whose compartment holds the resource. */
    final Set<String> patients = new LinkedHashSet<>();
}
