package org.medmesh.consent.decision;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.ProvisionTree;

/**
 * One request against one patient's consents, split into those in force at the request's time and the rest
 * (both ordered by id).
 */
record Evaluation(AccessRequest request, List<Consent> inForce, List<Consent> dormant, ProbeSpace space) {

    /** Status reasons, most specific first: the patient's own revocation says the most. */
    private static final List<DenyReason> STATUS_PRECEDENCE =
            List.of(DenyReason.CONSENT_REVOKED, DenyReason.CONSENT_EXPIRED, DenyReason.OTHER);
    private static final Set<Stage> ALL = EnumSet.allOf(Stage.class);
    private static final Set<Stage> WHO_AND_WHY = EnumSet.of(Stage.HOLDER, Stage.REQUESTER, Stage.PURPOSE);
    /** The dimensions an explicit deny can name, most specific first. */
    private static final List<Stage> DENIABLE = List.of(Stage.CLASSES, Stage.PURPOSE, Stage.REQUESTER, Stage.HOLDER);

    /** Whether the request releases anything: some consent in force permits it and none denies it. */
    boolean releasesAnything() {
        return space.probes(request, ALL).anyMatch(p -> ProvisionRules.releases(inForce, p, request.time()));
    }

    /**
     * Why nothing is released. First, without the denies of other consents: fixing the request's dimensions one
     * by one, the first that leaves no permit names the reason. If a consent would permit the whole request, an
     * explicit deny of another consent overrode it, and the reason is the most specific dimension that deny names.
     */
    DenyReason denyReason() {
        Set<Stage> fixed = EnumSet.noneOf(Stage.class);
        if (!permits(fixed)) {
            return DenyReason.NO_CONSENT;
        }
        for (Stage stage : Stage.values()) {
            fixed.add(stage);
            if (!permits(fixed)) {
                return reason(stage);
            }
        }
        return overridingReason();
    }

    /** The consent in force that permits the most released probes; ties go to the smallest id. */
    ConsentId mostPermitting() {
        Map<ConsentId, Long> permits = new HashMap<>();
        space.probes(request, ALL)
                .filter(p -> ProvisionRules.releases(inForce, p, request.time()))
                .forEach(p -> inForce.stream()
                        .filter(c -> effect(c, p, false) == Effect.PERMIT)
                        .forEach(c -> permits.merge(c.id(), 1L, Long::sum)));
        return permits.entrySet().stream()
                .min(Comparator.comparing(Map.Entry<ConsentId, Long>::getValue, Comparator.reverseOrder())
                        .thenComparing(e -> e.getKey().value()))
                .orElseThrow(() -> new IllegalStateException("nothing is released"))
                .getKey();
    }

    private boolean permits(Set<Stage> fixed) {
        boolean anyTime = !fixed.contains(Stage.TIME);
        return space.probes(request, fixed)
                .anyMatch(p -> ProvisionRules.permits(inForce, dormant, p, request.time(), anyTime));
    }

    private Effect effect(Consent consent, Probe probe, boolean anyTime) {
        return ProvisionRules.effect(consent, probe, request.time(), anyTime);
    }

    private DenyReason reason(Stage stage) {
        return switch (stage) {
            case HOLDER -> DenyReason.NO_CONSENT;
            case REQUESTER -> DenyReason.REQUESTER_NOT_PERMITTED;
            case PURPOSE -> DenyReason.PURPOSE_NOT_PERMITTED;
            case TIME -> timeReason();
            case CLASSES -> DenyReason.CLASS_NOT_PERMITTED;
        };
    }

    /**
     * Time was to blame: a dormant consent would have permitted this requester, holder and purpose, or a permit
     * exception of a consent in force is outside its period. The most specific of their reasons wins.
     */
    private DenyReason timeReason() {
        Stream<DenyReason> consents = dormant.stream()
                .filter(c -> space.probes(request, WHO_AND_WHY).anyMatch(p -> effect(c, p, true) == Effect.PERMIT))
                .map(c -> Validity.reason(Validity.statusAt(c, request.time())));
        Stream<DenyReason> exceptions = inForce.stream()
                .flatMap(c -> c.provision().exceptions().stream()
                        .filter(e -> e.permit() && !ProvisionRules.contains(e, request.time()))
                        .filter(e -> coversRequest(c.provision(), e)))
                .map(e -> ProvisionRules.hasEnded(e, request.time()) ? DenyReason.CONSENT_EXPIRED : DenyReason.OTHER);
        return Stream.concat(consents, exceptions)
                .min(Comparator.comparingInt(STATUS_PRECEDENCE::indexOf))
                .orElse(DenyReason.OTHER);
    }

    private boolean coversRequest(ProvisionTree root, ProvisionTree exception) {
        return space.probes(request, WHO_AND_WHY)
                .anyMatch(p -> ProvisionRules.matches(root, p) && ProvisionRules.matches(exception, p));
    }

    /** Among the consents whose deny overrode another's permit, the most specific dimension one of them names. */
    private DenyReason overridingReason() {
        return inForce.stream()
                .filter(this::overridesAPermit)
                .flatMap(c -> DENIABLE.stream().filter(stage -> denyNames(c, stage)).limit(1))
                .min(Comparator.comparingInt(DENIABLE::indexOf))
                .map(this::reason)
                .orElse(DenyReason.NO_CONSENT);
    }

    private boolean overridesAPermit(Consent consent) {
        return space.probes(request, ALL).anyMatch(p -> effect(consent, p, false) == Effect.DENY
                && inForce.stream().anyMatch(other -> effect(other, p, false) == Effect.PERMIT));
    }

    /**
     * A deny names a dimension when some other value there escapes it where the request's value does not;
     * classes only when some were asked for.
     */
    private boolean denyNames(Consent consent, Stage stage) {
        if (stage == Stage.CLASSES && request.classes().isEmpty()) {
            return false;
        }
        Set<Stage> others = EnumSet.complementOf(EnumSet.of(stage));
        return space.probes(request, others).anyMatch(p -> effect(consent, p, false) != Effect.DENY
                && p.at(stage, request).allMatch(q -> effect(consent, q, false) == Effect.DENY));
    }
}
