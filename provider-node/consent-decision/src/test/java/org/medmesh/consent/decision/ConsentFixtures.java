package org.medmesh.consent.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.ConsentStatus;
import org.medmesh.consent.ledger.Did;
import org.medmesh.consent.ledger.ProvisionTree;

/** Patients, organisations, times, provisions, consents and requests for the decision tests. */
final class ConsentFixtures {

    static final Did PATIENT = Did.parse("did:medmesh:PatientAtH1111111111111");
    static final Did OTHER_PATIENT = Did.parse("did:medmesh:AnotherPatient22222222");
    static final Did HOLDER = Did.forOrganization("HolderMSP");
    static final Did OTHER_HOLDER = Did.forOrganization("OtherHolderMSP");
    static final Did REQUESTER = Did.forOrganization("RequesterMSP");
    static final Did OTHER_REQUESTER = Did.forOrganization("OtherRequesterMSP");

    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final Instant LAST_YEAR = Instant.parse("2025-03-01T00:00:00Z");
    static final Instant LAST_MONTH = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant YESTERDAY = Instant.parse("2026-02-28T12:00:00Z");
    static final Instant TOMORROW = Instant.parse("2026-03-02T12:00:00Z");
    static final Instant NEXT_MONTH = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant NEXT_YEAR = Instant.parse("2027-03-01T00:00:00Z");

    private ConsentFixtures() {
    }

    static ConsentId id(int n) {
        return ConsentId.parse("c-" + String.format("%064x", n));
    }

    static Consent consent(int n, Provision provision) {
        return consent(n, provision, ConsentStatus.ACTIVE);
    }

    static Consent consent(int n, Provision provision, ConsentStatus status) {
        return consentOf(PATIENT, n, provision, status);
    }

    static Consent consentOf(Did patient, int n, Provision provision, ConsentStatus status) {
        Instant revokedAt = status == ConsentStatus.REVOKED ? YESTERDAY : null;
        return new Consent(id(n), patient, "sha256-" + n, provision.tree(), status, LAST_YEAR, LAST_YEAR, revokedAt);
    }

    static Request ask() {
        return new Request(REQUESTER, HOLDER, "TREAT", Set.of(), NOW);
    }

    /** A request, TREAT by {@link #REQUESTER} at {@link #HOLDER} for all classes now unless changed. */
    record Request(Did requester, Did holder, String purpose, Set<String> classes, Instant time) {
        Request by(Did who) {
            return new Request(who, holder, purpose, classes, time);
        }

        Request at(Did where) {
            return new Request(requester, where, purpose, classes, time);
        }

        Request purpose(String why) {
            return new Request(requester, holder, why, classes, time);
        }

        Request classes(String... what) {
            return new Request(requester, holder, purpose, Set.of(what), time);
        }

        Request when(Instant instant) {
            return new Request(requester, holder, purpose, classes, instant);
        }

        AccessRequest build() {
            return new AccessRequest(requester, holder, PATIENT, purpose, classes, time);
        }
    }

    /** A provision under construction; lists left empty restrict nothing. */
    static final class Provision {
        private final boolean permit;
        private Instant start;
        private Instant end;
        private List<Did> grantees = List.of();
        private List<Did> holders = List.of();
        private List<String> purposes = List.of();
        private List<String> classes = List.of();
        private List<String> labels = List.of();
        private final List<ProvisionTree> exceptions = new ArrayList<>();

        private Provision(boolean permit) {
            this.permit = permit;
        }

        static Provision permit() {
            return new Provision(true);
        }

        static Provision deny() {
            return new Provision(false);
        }

        Provision to(Did... who) {
            grantees = List.of(who);
            return this;
        }

        Provision heldBy(Did... where) {
            holders = List.of(where);
            return this;
        }

        Provision purposes(String... why) {
            purposes = List.of(why);
            return this;
        }

        Provision classes(String... what) {
            classes = List.of(what);
            return this;
        }

        Provision labels(String... sensitive) {
            labels = List.of(sensitive);
            return this;
        }

        Provision from(Instant instant) {
            start = instant;
            return this;
        }

        Provision until(Instant instant) {
            end = instant;
            return this;
        }

        Provision except(Provision... nested) {
            Arrays.stream(nested).map(Provision::tree).forEach(exceptions::add);
            return this;
        }

        ProvisionTree tree() {
            return new ProvisionTree(permit, start, end, grantees, holders, purposes, classes, labels, exceptions);
        }
    }
}
