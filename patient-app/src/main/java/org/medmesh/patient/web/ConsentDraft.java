package org.medmesh.patient.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ConsentChoices;

/**
 * The answers of a consent being composed on the page, kept with the session (never in the browser) until the
 * patient signs or leaves. Dates are whole days in the page's time zone: a consent "until 30 June" ends at the last
 * second of that day.
 */
final class ConsentDraft {

    /** Sensitive categories as a patient names them, each the security labels hospitals use for it. */
    enum Category {
        MENTAL_HEALTH("Mental health", SecurityLabel.PSY, SecurityLabel.BH),
        SUBSTANCE_USE("Alcohol and drug use", SecurityLabel.ETH, SecurityLabel.SUD),
        SEXUAL_HEALTH("Sexual and reproductive health", SecurityLabel.SEX, SecurityLabel.STD),
        HIV("HIV/AIDS", SecurityLabel.HIV),
        VIOLENCE("Sexual assault, abuse or domestic violence", SecurityLabel.SDV, SecurityLabel.MST),
        GENETIC("Genetic conditions", SecurityLabel.GDIS),
        RESTRICTED("Records your hospital marked restricted", SecurityLabel.R, SecurityLabel.V);

        final String words;
        final List<SecurityLabel> labels;

        Category(String words, SecurityLabel... labels) {
            this.words = words;
            this.labels = List.of(labels);
        }

        /** The categories any of {@code labels} belongs to, in the order of the question page. */
        static List<Category> covering(List<SecurityLabel> labels) {
            return java.util.Arrays.stream(values()).filter(c -> c.labels.stream().anyMatch(labels::contains))
                    .toList();
        }

        /** The labels of {@code labels} that no category covers. */
        static List<SecurityLabel> uncovered(List<SecurityLabel> labels) {
            return labels.stream().filter(l -> covering(List.of(l)).isEmpty()).toList();
        }
    }

    /** Which draft and which answers the check page showed: a sign must match (another tab may have changed it). */
    private final String id = java.util.UUID.randomUUID().toString();
    private int answers;

    Did holder;
    /** Grantees in the order chosen, with the name to show. */
    final Map<Did, String> grantees = new LinkedHashMap<>();
    List<PurposeOfUse> purposes = List.of(PurposeOfUse.TREAT);
    /** Empty: every kind of record. */
    List<String> kinds = List.of();
    Set<Category> kept = EnumSet.noneOf(Category.class);
    /** Withheld labels of a consent being changed that no category covers: kept withheld. */
    List<SecurityLabel> otherLabels = List.of();
    LocalDate from;
    LocalDate until;
    /** The consent this one replaces (a change), or null. */
    ConsentId replaces;
    ConsentChoices replaced;
    /** The changed consent's own start and end: kept as they are while their day is not changed. */
    private Instant replacedFrom;
    private Instant replacedUntil;
    /** Set once the patient reached the check page: each answer then returns there. */
    boolean checking;

    String version() {
        return id + "." + answers;
    }

    /** An answer was kept: a check page shown before no longer stands for the draft. */
    void answered() {
        answers++;
    }

    /**
     * A draft with the answers of an existing consent, to change it. A start already past shows as "now" (the same,
     * from here on); the consent's exact start and end are kept unless their day is changed.
     */
    static ConsentDraft of(ConsentId id, ConsentChoices old, ZoneId zone, Instant now) {
        ConsentDraft draft = new ConsentDraft();
        draft.holder = old.holder();
        old.grantees().forEach(g -> draft.grantees.put(g, HospitalNames.of(g)));
        draft.purposes = old.purposes();
        draft.kinds = old.resourceClasses();
        draft.kept.addAll(Category.covering(old.withheld()));
        draft.otherLabels = Category.uncovered(old.withheld());
        draft.from = old.from() == null || !old.from().isAfter(now) ? null : LocalDate.ofInstant(old.from(), zone);
        draft.until = old.until() == null ? null : LocalDate.ofInstant(old.until(), zone);
        draft.replacedFrom = old.from();
        draft.replacedUntil = old.until();
        draft.replaces = id;
        draft.replaced = old;
        draft.checking = true;
        return draft;
    }

    /**
     * The labels withheld: each ticked category's labels — but where the consent being changed withheld only some of
     * a category's labels (given from the command line, say), just those, so that leaving it ticked changes nothing.
     */
    List<SecurityLabel> withheld() {
        List<SecurityLabel> labels = new ArrayList<>();
        for (Category category : kept) {
            List<SecurityLabel> before = replaced == null ? List.of()
                    : category.labels.stream().filter(replaced.withheld()::contains).toList();
            labels.addAll(before.isEmpty() ? category.labels : before);
        }
        labels.addAll(otherLabels);
        return labels;
    }

    /**
     * The choices to sign. A start today is "from now"; a start on a later day begins at its first second, an end at
     * the last second of its day. A changed consent keeps its own start (if already past and "now" is kept, or on the
     * same day) and its own end (on the same day), so that an unchanged date is not a change.
     */
    ConsentChoices choices(ZoneId zone, LocalDate today, Instant now) {
        Instant start = from == null || !from.isAfter(today) ? null : ConsentChoices.startOf(from, zone);
        if (replacedFrom != null && (start == null && !replacedFrom.isAfter(now)
                || from != null && from.equals(LocalDate.ofInstant(replacedFrom, zone)))) {
            start = replacedFrom;
        }
        Instant end = until == null ? null : ConsentChoices.endOf(until, zone);
        if (replacedUntil != null && until != null && until.equals(LocalDate.ofInstant(replacedUntil, zone))) {
            end = replacedUntil;
        }
        return new ConsentChoices(List.copyOf(grantees.keySet()), holder, purposes, kinds, withheld(), start, end);
    }
}
