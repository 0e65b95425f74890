package org.medmesh.fhir.labels;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Codes of one or more equivalent code systems (ICD-10 and ICD-10-CM, say) that carry a label: exact codes, compared
 * as written, and prefix {@linkplain CodeRange ranges}.
 *
 * @param systems code system URIs this match applies to
 * @param codes exact codes
 * @param ranges prefix ranges
 */
public record CodeMatch(Set<String> systems, Set<String> codes, List<CodeRange> ranges) {

    public CodeMatch {
        systems = Set.copyOf(Objects.requireNonNull(systems, "systems"));
        codes = codes == null ? Set.of() : Set.copyOf(codes);
        ranges = ranges == null ? List.of() : List.copyOf(ranges);
        if (systems.isEmpty()) {
            throw new IllegalArgumentException("a code match needs at least one code system");
        }
        if (codes.isEmpty() && ranges.isEmpty()) {
            throw new IllegalArgumentException("a code match needs codes or ranges: " + systems);
        }
    }

    /** Whether the coding {@code system|code} is one of these codes. */
    public boolean matches(String system, String code) {
        if (system == null || code == null || !systems.contains(system)) {
            return false;
        }
        return codes.contains(code.strip()) || ranges.stream().anyMatch(range -> range.contains(code));
    }
}
