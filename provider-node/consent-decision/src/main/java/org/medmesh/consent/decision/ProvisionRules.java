package org.medmesh.consent.decision;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ProvisionTree;

/**
 * FHIR Consent provision semantics over the ledger's provision tree. A provision matches a probe when every one
 * of its lists admits the probe's value (an empty list admits anything; labels match when the resource carries
 * any listed label) and its period, closed at both ends like the ledger's, contains the time.
 *
 * <p>"Any time" is the counterfactual the deny reasons need (what if every consent were in force?): it ignores
 * the root period and the periods of permit exceptions, but keeps deny exceptions to their real period, so that
 * relaxing time can only permit more.
 */
final class ProvisionRules {

    private ProvisionRules() {
    }

    /**
     * What one consent's tree says. Matching exceptions override the root, a deny exception over a permit
     * exception; exceptions apply only within what the root matches. Where no exception matches, a permit root
     * permits and a deny root denies, except in an opt-in, which grants its exceptions and says nothing about the
     * rest, so that two opt-ins never cancel each other.
     */
    static Effect effect(Consent consent, Probe probe, Instant time, boolean anyTime) {
        ProvisionTree root = consent.provision();
        if (!matches(root, probe) || !anyTime && !contains(root, time)) {
            return Effect.NONE;
        }
        boolean permitted = false;
        for (ProvisionTree exception : root.exceptions()) {
            boolean inPeriod = anyTime && exception.permit() || contains(exception, time);
            if (inPeriod && matches(exception, probe)) {
                if (!exception.permit()) {
                    return Effect.DENY;
                }
                permitted = true;
            }
        }
        if (permitted || root.permit()) {
            return Effect.PERMIT;
        }
        return isOptIn(root) ? Effect.NONE : Effect.DENY;
    }

    /**
     * An opt-in: a deny root that names no grantee, purpose, class or label (holders and period only scope it)
     * and has permit exceptions. A deny root that names what it denies ("not to G", "not PSY") or has no permit
     * exception is an opt-out, and its deny is explicit.
     */
    private static boolean isOptIn(ProvisionTree root) {
        boolean namesNothing = root.grantees().isEmpty() && root.purposes().isEmpty() && root.classes().isEmpty()
                && root.securityLabels().isEmpty();
        return namesNothing && root.exceptions().stream().anyMatch(ProvisionTree::permit);
    }

    /** Deny overrides: a probe is released when at least one consent in force permits it and none denies it. */
    static boolean releases(List<Consent> inForce, Probe probe, Instant time) {
        boolean permitted = false;
        for (Consent consent : inForce) {
            Effect effect = effect(consent, probe, time, false);
            if (effect == Effect.DENY) {
                return false;
            }
            permitted |= effect == Effect.PERMIT;
        }
        return permitted;
    }

    /**
     * Whether any consent would permit the probe, other consents' denies set aside. Under "any time", dormant
     * consents (revoked, expired, not yet valid) count as if in force.
     */
    static boolean permits(List<Consent> inForce, List<Consent> dormant, Probe probe, Instant time,
            boolean anyTime) {
        return Stream.concat(inForce.stream(), anyTime ? dormant.stream() : Stream.empty())
                .anyMatch(c -> effect(c, probe, time, anyTime) == Effect.PERMIT);
    }

    static boolean contains(ProvisionTree provision, Instant time) {
        return !hasEnded(provision, time) && !hasNotStarted(provision, time);
    }

    static boolean hasEnded(ProvisionTree provision, Instant time) {
        return provision.end() != null && time.isAfter(provision.end());
    }

    static boolean hasNotStarted(ProvisionTree provision, Instant time) {
        return provision.start() != null && time.isBefore(provision.start());
    }

    static boolean matches(ProvisionTree provision, Probe probe) {
        return admits(provision.holders(), probe.holder())
                && admits(provision.grantees(), probe.requester())
                && admits(provision.purposes(), probe.purpose())
                && admits(provision.classes(), probe.resourceClass())
                && (provision.securityLabels().isEmpty()
                        || !Collections.disjoint(provision.securityLabels(), probe.labels()));
    }

    private static <T> boolean admits(List<T> allowed, T value) {
        return allowed.isEmpty() || value != null && allowed.contains(value);
    }
}
