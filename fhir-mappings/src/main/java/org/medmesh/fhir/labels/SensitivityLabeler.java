package org.medmesh.fhir.labels;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Resource;

/**
 * Adds sensitivity labels ({@code meta.security}) to resources at ingest, from {@link SensitivityRules}: a resource whose
 * codes match a rule gets the rule's v3-ActCode labels and confidentiality {@code R}. Synthea and most EHR exports
 * carry no labels, so these rules are what lets a consent withhold sensitive records. Thread-safe.
 */
public final class SensitivityLabeler {

    /** Classpath location of the default rules. */
    public static final String DEFAULT_RULES = "/org/medmesh/fhir/labels/sensitivity-rules.json";

    private final SensitivityRules rules;

    public SensitivityLabeler(SensitivityRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    /** The labeler with the default rules shipped in this jar (documented in the module README). */
    public static SensitivityLabeler fromClasspath() {
        try (InputStream json = SensitivityLabeler.class.getResourceAsStream(DEFAULT_RULES)) {
            if (json == null) {
                throw new InvalidRulesException("missing classpath resource " + DEFAULT_RULES, null);
            }
            return new SensitivityLabeler(SensitivityRules.read(json, DEFAULT_RULES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The labeler with rules read from a JSON file, which replaces the default rules entirely.
     *
     * @throws InvalidRulesException if the file is malformed or holds an incomplete rule
     * @throws UncheckedIOException if the file cannot be read
     */
    public static SensitivityLabeler fromFile(Path rulesFile) {
        try (InputStream json = Files.newInputStream(rulesFile)) {
            return new SensitivityLabeler(SensitivityRules.read(json, rulesFile.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rules in force. */
    public SensitivityRules rules() {
        return rules;
    }

    /**
     * The labels the rules give this resource: its sensitivity codings, then confidentiality {@code R} if there is at
     * least one; empty for a resource that matches nothing or is not an R4 resource. Codings are distinct by
     * system and code, in rule order.
     */
    public Set<Coding> labelsFor(IBaseResource resource) {
        if (!(resource instanceof Resource r4)) {
            return Set.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (Coding coding : ResourceCodings.of(r4)) {
            for (LabelRule rule : rules.rules()) {
                if (rule.matches(coding.getSystem(), coding.getCode())) {
                    codes.addAll(rule.labels());
                }
            }
        }
        if (codes.isEmpty()) {
            return Set.of();
        }
        Map<String, Coding> labels = new LinkedHashMap<>();
        codes.forEach(code -> labels.put(SecurityLabels.ACT_CODE + "|" + code, SecurityLabels.sensitivity(code)));
        labels.put(SecurityLabels.CONFIDENTIALITY + "|" + SecurityLabels.RESTRICTED, SecurityLabels.restricted());
        return Collections.unmodifiableSet(new LinkedHashSet<>(labels.values()));
    }

    /**
     * Adds the labels of {@link #labelsFor} that the resource does not carry yet. Idempotent; labels already present
     * are kept. Confidentiality {@code R} replaces a lower confidentiality code (U, L, M, N) and is not added next to
     * {@code V}, so the resource keeps one confidentiality code.
     */
    public void apply(Resource resource) {
        Set<Coding> labels = labelsFor(resource);
        if (labels.isEmpty()) {
            return;
        }
        Meta meta = resource.getMeta();
        for (Coding label : labels) {
            if (SecurityLabels.CONFIDENTIALITY.equals(label.getSystem())) {
                raiseConfidentiality(meta);
            } else if (meta.getSecurity(label.getSystem(), label.getCode()) == null) {
                meta.addSecurity(label.copy());
            }
        }
    }

    private static void raiseConfidentiality(Meta meta) {
        boolean protectedEnough = meta.getSecurity().stream()
                .filter(c -> SecurityLabels.CONFIDENTIALITY.equals(c.getSystem()))
                .anyMatch(c -> SecurityLabels.atLeastRestricted(c.getCode()));
        if (protectedEnough) {
            return;
        }
        meta.getSecurity().removeIf(c -> SecurityLabels.CONFIDENTIALITY.equals(c.getSystem()));
        meta.addSecurity(SecurityLabels.restricted());
    }
}
