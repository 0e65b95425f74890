package org.medmesh.fhir.labels;

import java.util.List;
import java.util.Objects;

/**
 * One rule: codings that match any of {@code match} give the resource every label in {@code labels}.
 *
 * @param labels v3-ActCode sensitivity codes, e.g. {@code HIV}, or {@code ETH} and {@code SUD} together
 * @param why why these codes are sensitive, and where the list comes from (documentation, not used to match)
 * @param match the codes
 */
public record LabelRule(List<String> labels, String why, List<CodeMatch> match) {

    public LabelRule {
        labels = List.copyOf(Objects.requireNonNull(labels, "labels"));
        match = List.copyOf(Objects.requireNonNull(match, "match"));
        why = why == null ? "" : why;
        if (labels.isEmpty() || labels.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("a rule needs at least one non-blank label");
        }
        if (match.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one code match: " + labels);
        }
    }

    /** Whether the coding {@code system|code} carries this rule's labels. */
    public boolean matches(String system, String code) {
        return match.stream().anyMatch(m -> m.matches(system, code));
    }
}
