package org.medmesh.patient.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.consent.decision.AccessRequest;
import org.medmesh.consent.decision.ConsentDecision;
import org.medmesh.consent.decision.ConsentDecisionPoint;
import org.medmesh.consent.decision.HeldRecord;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.ProvisionTree;

/**
 * "Try my policy": exactly which of the records a hospital keeps for the patient each grantee would receive under
 * a consent not yet signed, for each purpose it names. The holders' own decision point decides (the same code,
 * module {@code consent-decision}), over the draft together with the patient's other consents at that holder — an
 * older consent that withholds something still does — and the same rule per record, so the preview is what a
 * clinician's request would get. The request asks for every kind of record, at the draft's start (now if it starts
 * now).
 */
public final class ConsentPreview {

    /** Why a record would stay at the holder, most telling first. */
    public enum Withheld {
        /** It came from another hospital: a holder never passes those on. */
        RECEIVED,
        /** Its kind is not among those the draft shares. */
        KIND_NOT_CHOSEN,
        /** It carries a sensitive category the draft withholds. */
        SENSITIVE,
        /** Another of the patient's consents at the holder withholds it. */
        OTHER_CONSENT
    }

    /**
     * What one request would get.
     *
     * @param denyReason the ledger's reason code when nothing at all would be released, else null
     * @param released records released per FHIR type, sorted by type
     * @param withheld records kept back per reason (all of them when denied)
     * @param withheldCategories which of the draft's withheld categories the kept-back records carry
     */
    public record Outcome(String denyReason, SortedMap<String, Integer> released, Map<Withheld, Integer> withheld,
            SortedSet<String> withheldCategories) {
        public Outcome {
            released = Collections.unmodifiableSortedMap(new TreeMap<>(released));
            Map<Withheld, Integer> kept = new EnumMap<>(Withheld.class);
            withheld.forEach((why, count) -> {
                if (count > 0) {
                    kept.put(why, count);
                }
            });
            withheld = Collections.unmodifiableMap(kept);
            withheldCategories = Collections.unmodifiableSortedSet(new TreeSet<>(withheldCategories));
        }

        public boolean permitted() {
            return denyReason == null;
        }

        public int releasedCount() {
            return released.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** One grantee asking for one purpose, and what it would get. */
    public record Answer(Did grantee, PurposeOfUse purpose, Outcome outcome) {}

    /** Another consent the patient gave at the same holder, with its status as last known. */
    public record OtherConsent(String grantJws, EffectiveStatus status) {}

    private static final ConsentDecisionPoint DECISIONS = new ConsentDecisionPoint();
    /** The draft is unsigned, so it has no id yet; its place in the decision needs one. */
    private static final ConsentId DRAFT = ConsentId.parse("c-" + "0".repeat(64));

    private ConsentPreview() {}

    /**
     * Previews {@code draft} for every grantee and purpose it names.
     *
     * @param draft the choices not yet signed
     * @param patientAtHolder the patient's pairwise DID at the holder (the draft would be signed with it)
     * @param others the patient's other consents at the holder (e.g. from the wallet), not the one a change replaces
     * @param records what the holder keeps for the patient, as read by the patient
     * @param now the time of the preview
     */
    public static List<Answer> preview(ConsentChoices draft, Did patientAtHolder, List<OtherConsent> others,
            List<HeldRecord> records, Instant now) {
        Objects.requireNonNull(draft, "draft");
        Instant at = draft.from() != null && draft.from().isAfter(now) ? draft.from() : now;
        org.medmesh.consent.ledger.Did patient = did(patientAtHolder);
        List<Consent> consents = new ArrayList<>();
        consents.add(new Consent(DRAFT, patient, "0".repeat(64), tree(draft.toProvision()), ConsentStatus.ACTIVE,
                at, at, null));
        for (OtherConsent other : others) {
            ConsentGrant grant = ConsentGrant.parse(other.grantJws());
            consents.add(new Consent(ConsentId.parse(grant.id().value()), did(grant.patient()), grant.consentHash(),
                    tree(grant.provision()), ConsentStatus.valueOf(other.status().name()), grant.issuedAt(),
                    grant.issuedAt(), null));
        }
        List<Answer> answers = new ArrayList<>();
        for (Did grantee : draft.grantees()) {
            for (PurposeOfUse purpose : draft.purposes()) {
                AccessRequest request = new AccessRequest(did(grantee), did(draft.holder()), patient, purpose.name(),
                        Set.of(), at);
                answers.add(new Answer(grantee, purpose, outcome(draft, DECISIONS.decide(request, consents),
                        records)));
            }
        }
        return List.copyOf(answers);
    }

    /** The answers grouped by what they would get, in order: hospitals and purposes that get the same, together. */
    public static Map<Outcome, List<Answer>> byOutcome(List<Answer> answers) {
        Map<Outcome, List<Answer>> groups = new LinkedHashMap<>();
        answers.forEach(a -> groups.computeIfAbsent(a.outcome(), o -> new ArrayList<>()).add(a));
        return groups;
    }

    private static Outcome outcome(ConsentChoices draft, ConsentDecision decision, List<HeldRecord> records) {
        Map<Withheld, Integer> withheld = new EnumMap<>(Withheld.class);
        if (!(decision instanceof ConsentDecision.Permit permit)) {
            withheld.put(Withheld.OTHER_CONSENT, records.size());
            return new Outcome(((ConsentDecision.Deny) decision).reason().name(), new TreeMap<>(), withheld,
                    new TreeSet<>());
        }
        Set<String> draftWithheld = draft.withheld().stream().map(SecurityLabel::name).collect(Collectors.toSet());
        SortedMap<String, Integer> released = new TreeMap<>();
        SortedSet<String> categories = new TreeSet<>();
        for (HeldRecord record : records) {
            if (permit.policy().releases(record)) {
                released.merge(record.type(), 1, Integer::sum);
                continue;
            }
            Withheld why = why(draft, draftWithheld, record);
            withheld.merge(why, 1, Integer::sum);
            if (why == Withheld.SENSITIVE) {
                record.securityLabels().stream().filter(draftWithheld::contains).forEach(categories::add);
            }
        }
        return new Outcome(null, released, withheld, categories);
    }

    private static Withheld why(ConsentChoices draft, Set<String> draftWithheld, HeldRecord record) {
        if (record.received()) {
            return Withheld.RECEIVED;
        }
        if (!draft.resourceClasses().isEmpty() && !draft.resourceClasses().contains(record.type())) {
            return Withheld.KIND_NOT_CHOSEN;
        }
        if (record.securityLabels().stream().anyMatch(draftWithheld::contains)) {
            return Withheld.SENSITIVE;
        }
        return Withheld.OTHER_CONSENT;
    }

    /** The ledger's provision tree of a signed provision: the same tree the holders read from the ledger. */
    static ProvisionTree tree(Provision provision) {
        Period period = provision.period();
        return new ProvisionTree(provision.type() == ProvisionType.PERMIT, period == null ? null : period.start(),
                period == null ? null : period.end(), dids(provision.grantees()), dids(provision.holders()),
                provision.purposes().stream().map(PurposeOfUse::name).toList(), provision.classes(),
                provision.securityLabels().stream().map(SecurityLabel::name).toList(),
                provision.provisions().stream().map(ConsentPreview::tree).toList());
    }

    private static List<org.medmesh.consent.ledger.Did> dids(List<Did> dids) {
        return dids.stream().map(ConsentPreview::did).toList();
    }

    private static org.medmesh.consent.ledger.Did did(Did did) {
        return org.medmesh.consent.ledger.Did.parse(did.value());
    }
}
