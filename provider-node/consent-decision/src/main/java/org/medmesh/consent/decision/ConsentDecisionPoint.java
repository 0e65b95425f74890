package org.medmesh.consent.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentStatus;

/**
 * Decides whether a holder may release a patient's records to a requester, under the patient's consents with
 * FHIR Consent semantics (the IHE Privacy Consent on FHIR subset the ledger keeps). Stateless and pure: the same
 * request and consents always give an equal decision, so callers may cache decisions; caching, ledger reads and
 * break-glass (which bypasses consent) live outside the domain. The full rules are in
 * {@code docs/consent-decisions.md}; in short:
 *
 * <ul>
 *   <li><b>Which consents.</b> Only the request's patient's consents count. One is in force when the ledger says
 *       it is active and its period (closed at both ends) contains the request's time.</li>
 *   <li><b>One consent, one resource.</b> The root provision applies when each of its lists admits the request's
 *       holder, requester (grantee), purpose and the resource's class (an empty list admits anything) and, if it
 *       lists security labels, the resource carries at least one of them. Exceptions apply within the root, on the
 *       same tests plus their own period, and override it; a deny exception beats a permit exception. Where no
 *       exception applies the root's type decides, except in an opt-in (a deny root naming no grantee, purpose,
 *       class or label, with permit exceptions), which is silent outside its exceptions.</li>
 *   <li><b>Several consents.</b> Deny overrides: a resource is released when at least one consent in force
 *       permits it and none denies it. The permit names the consent that permits the most released resource
 *       kinds; ties go to the smallest consent id.</li>
 *   <li><b>Deny reasons.</b> When nothing is releasable, the request's dimensions are fixed one by one (holder,
 *       requester, purpose, time, classes), other consents' denies set aside; the first that leaves no permit
 *       names the reason: {@code NO_CONSENT}, {@code REQUESTER_NOT_PERMITTED}, {@code PURPOSE_NOT_PERMITTED}, the
 *       status of the consent that would otherwise have applied ({@code CONSENT_REVOKED} before
 *       {@code CONSENT_EXPIRED} before {@code OTHER} for not yet valid or a deactivated patient),
 *       {@code CLASS_NOT_PERMITTED}. If a permit survives, another consent's explicit deny overrode it, and the
 *       most specific dimension that deny names (classes, purpose, requester) is the reason. Consents that permit
 *       nothing to anyone, or none at all, give {@code NO_CONSENT}.</li>
 *   <li><b>Labels never deny.</b> A resource withheld for its labels is left out by the {@link ReleasePolicy};
 *       the decision is still a permit if anything else may be released.</li>
 * </ul>
 */
public final class ConsentDecisionPoint {

    /**
     * Decides one request.
     *
     * @param request who asks whom, for which patient, why, for what, and when
     * @param consents the consents read from the ledger; those of other patients are ignored
     * @return a permit with its release policy, or a deny with the ledger's reason code
     */
    public ConsentDecision decide(AccessRequest request, List<Consent> consents) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(consents, "consents");
        List<Consent> own = consents.stream()
                .filter(c -> c.patient().equals(request.patient()))
                .sorted(Comparator.comparing(c -> c.id().value()))
                .toList();
        if (own.isEmpty()) {
            return ConsentDecision.deny(DenyReason.NO_CONSENT);
        }
        Map<Boolean, List<Consent>> byForce = own.stream().collect(Collectors.partitioningBy(
                c -> Validity.statusAt(c, request.time()) == ConsentStatus.ACTIVE));
        Evaluation evaluation = new Evaluation(request, byForce.get(true), byForce.get(false), ProbeSpace.of(own));
        if (!evaluation.releasesAnything()) {
            return ConsentDecision.deny(evaluation.denyReason());
        }
        return ConsentDecision.permit(evaluation.mostPermitting(),
                new ConsentReleasePolicy(request, evaluation.inForce()));
    }
}
