package org.medmesh.patient.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medmesh.chaincode.consent.Period;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.chaincode.consent.ProvisionType;
import org.medmesh.chaincode.consent.PurposeOfUse;
import org.medmesh.chaincode.consent.SecurityLabel;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.consent.decision.AccessRequest;

/**
 * What a patient decides, in plain terms: which hospitals ({@code grantees}) may receive the records one hospital
 * holds ({@code holder}), for which purposes, which kinds of records (empty: all), which sensitive categories are
 * withheld, and from when until when (either open). Repeated values are dropped, order kept.
 *
 * <p>As a provision tree (IHE PCF's "withhold sensitive" shape): a root permit to the grantees for the holder, the
 * purposes, classes and period, with one nested deny listing the withheld labels, if any.
 *
 * @param grantees organisation DIDs that may receive the records; at least one, not the holder
 * @param holder the organisation DID whose records are shared; the consent is signed with the patient's pairwise DID
 *     there
 * @param purposes purposes of use allowed; at least one (a consent for "any purpose" is not offered)
 * @param resourceClasses FHIR resource type names shared; empty means all
 * @param withheld security labels of records never shared under this consent (e.g. PSY, HIV)
 * @param from the first instant the consent applies, or null for "from now"
 * @param until the last instant it applies, or null for "until revoked"
 */
public record ConsentChoices(List<Did> grantees, Did holder, List<PurposeOfUse> purposes, List<String> resourceClasses,
        List<SecurityLabel> withheld, Instant from, Instant until) {

    private static final int MAX_ENTRIES = 100;

    public ConsentChoices {
        Objects.requireNonNull(holder, "holder");
        grantees = distinct(grantees, "grantees");
        purposes = distinct(purposes, "purposes");
        resourceClasses = distinct(resourceClasses, "resourceClasses");
        withheld = distinct(withheld, "withheld");
        if (!holder.isOrganization() || !grantees.stream().allMatch(Did::isOrganization)) {
            throw new IllegalArgumentException("hospitals are named by organisation DIDs");
        }
        if (grantees.isEmpty()) {
            throw new IllegalArgumentException("name at least one hospital to share with");
        }
        if (grantees.contains(holder)) {
            throw new IllegalArgumentException("the hospital that holds the records already has them");
        }
        if (purposes.isEmpty()) {
            throw new IllegalArgumentException("name at least one purpose");
        }
        if (!resourceClasses.stream().allMatch(c -> c.matches(AccessRequest.RESOURCE_TYPE))) {
            throw new IllegalArgumentException("record kinds are FHIR resource type names, e.g. Observation");
        }
        if (from != null && until != null && from.isAfter(until)) {
            throw new IllegalArgumentException("the consent would end before it starts");
        }
    }

    /** A consent starting on {@code day} starts at its first second in {@code zone}. */
    public static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** A consent ending on {@code day} ends at its last second in {@code zone}. */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    /** Treatment only, all records, nothing withheld, from now until revoked. */
    public static ConsentChoices forTreatment(List<Did> grantees, Did holder) {
        return new ConsentChoices(grantees, holder, List.of(PurposeOfUse.TREAT), List.of(), List.of(), null, null);
    }

    /** The provision tree the ledger will enforce. */
    public Provision toProvision() {
        Period period = from == null && until == null ? null : new Period(from, until);
        List<Provision> exceptions = withheld.isEmpty() ? List.of()
                : List.of(new Provision(ProvisionType.DENY, null, List.of(), List.of(), List.of(), List.of(), withheld,
                        List.of()));
        return new Provision(ProvisionType.PERMIT, period, grantees, List.of(holder), purposes, resourceClasses,
                List.of(), exceptions);
    }

    /**
     * The choices a provision of this shape states, or empty for a tree of another shape (e.g. granted elsewhere):
     * such a tree may mean more than these choices can say.
     */
    public static Optional<ConsentChoices> of(Provision provision) {
        boolean shape = provision.type() == ProvisionType.PERMIT && provision.holders().size() == 1
                && !provision.grantees().isEmpty() && !provision.purposes().isEmpty()
                && provision.securityLabels().isEmpty() && provision.provisions().size() <= 1
                && provision.provisions().stream().allMatch(ConsentChoices::isWithholding)
                && !provision.grantees().contains(provision.holders().get(0));
        if (!shape) {
            return Optional.empty();
        }
        List<SecurityLabel> withheld =
                provision.provisions().isEmpty() ? List.of() : provision.provisions().get(0).securityLabels();
        Period period = provision.period();
        return Optional.of(new ConsentChoices(provision.grantees(), provision.holders().get(0), provision.purposes(),
                provision.classes(), withheld, period == null ? null : period.start(),
                period == null ? null : period.end()));
    }

    /**
     * What these choices share that {@code other} does not, in plain words ("more hospitals", "an earlier start"…);
     * empty when these choices are as narrow as {@code other} or narrower.
     */
    public List<String> widerThan(ConsentChoices other) {
        List<String> wider = new ArrayList<>();
        if (!holder.equals(other.holder)) {
            wider.add("another hospital's records");
        }
        if (!other.grantees.containsAll(grantees)) {
            wider.add("more hospitals");
        }
        if (!other.purposes.containsAll(purposes)) {
            wider.add("more purposes");
        }
        if (!other.resourceClasses.isEmpty()
                && (resourceClasses.isEmpty() || !other.resourceClasses.containsAll(resourceClasses))) {
            wider.add("more kinds of records");
        }
        if (!withheld.containsAll(other.withheld)) {
            wider.add("fewer withheld categories");
        }
        if (other.from != null && (from == null || from.isBefore(other.from))) {
            wider.add("an earlier start");
        }
        if (other.until != null && (until == null || until.isAfter(other.until))) {
            wider.add("a later end");
        }
        return List.copyOf(wider);
    }

    /** True when neither shares anything the other does not (lists compared as sets). */
    public boolean sameAs(ConsentChoices other) {
        return widerThan(other).isEmpty() && other.widerThan(this).isEmpty();
    }

    private static boolean isWithholding(Provision exception) {
        return exception.type() == ProvisionType.DENY && exception.period() == null
                && exception.grantees().isEmpty() && exception.holders().isEmpty() && exception.purposes().isEmpty()
                && exception.classes().isEmpty() && !exception.securityLabels().isEmpty();
    }

    private static <T> List<T> distinct(List<T> values, String name) {
        Objects.requireNonNull(values, name);
        List<T> result = List.copyOf(new LinkedHashSet<>(values));
        if (result.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(name + " may hold at most " + MAX_ENTRIES + " entries");
        }
        return result;
    }
}
