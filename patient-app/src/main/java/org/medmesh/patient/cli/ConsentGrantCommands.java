package org.medmesh.patient.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.node.Revocations;
import org.medmesh.patient.wallet.Wallet;

/** {@code patient consent grant | narrow | extend}: the commands that sign a new consent. */
final class ConsentGrantCommands {

    private ConsentGrantCommands() {}

    /**
     * Grants, then delivers the signed document to the holder (the node named by {@code --node}) and tells each
     * grantee where the patient is enrolled who they are at the holder.
     */
    static int grant(Session session) {
        URI node = session.node();
        NodeIdentity holder = session.nodes().identity(node);
        ConsentChoices choices = ChoiceOptions.read(session, holder.did(), null);
        try (Wallet wallet = session.openWallet()) {
            ConsentSteps.requireEnrolled(wallet, holder, node);
            ConsentSteps.Granted granted = ConsentSteps.grant(session, wallet, node, choices);
            ConsentId id = granted.consent().id();
            session.say("Consent " + id + " granted: " + granted.status().code() + ".");
            session.say("It " + PlainWords.describe(choices, session.details()) + ".");
            Optional<String> undelivered = ConsentSteps.deliver(session, node, id, granted.consent().documentBytes(),
                    holder.label(), granted.status());
            return followUp(session, wallet, node, holder, granted, undelivered);
        }
    }

    /**
     * What follows a grant, whose failures leave the consent in place: the delivery (already tried), then telling
     * the grantees who the patient is at the holder, so that they can ask.
     */
    private static int followUp(Session session, Wallet wallet, URI node, NodeIdentity holder,
            ConsentSteps.Granted granted, Optional<String> undelivered) {
        List<String> failures = new ArrayList<>();
        if (undelivered.isPresent()) {
            failures.add(undelivered.get());
        } else {
            session.say("The signed consent was delivered to " + holder.label() + ".");
        }
        String stands = "consent " + granted.consent().id() + " is " + granted.status().code() + ", but ";
        Links.linkGrantees(session, wallet, granted.choices(), node, holder.label())
                .forEach(failure -> failures.add(stands + failure));
        return ConsentSteps.finish(failures);
    }

    /**
     * Replaces a consent by a narrower one: the new consent is granted first, then the old one revoked, so there is
     * never a moment with neither. Options left out keep the old consent's values; choices that would share anything
     * the old consent does not are refused (that is {@link #extend}).
     */
    static int narrow(Session session) {
        return change(session, true);
    }

    /**
     * Replaces a consent by a wider one (more hospitals, purposes, kinds of records, fewer withheld categories, a
     * longer period), in the same order: grant first, then revoke. Choices that would take anything away are
     * refused (that is {@link #narrow}).
     */
    static int extend(Session session) {
        return change(session, false);
    }

    private static int change(Session session, boolean narrowing) {
        ConsentId oldId = session.consentId();
        URI node = session.node();
        NodeIdentity holder = session.nodes().identity(node);
        try (Wallet wallet = session.openWallet()) {
            Wallet.HeldConsent held = wallet.findConsent(oldId)
                    .orElseThrow(() -> CliFailure.failed("the wallet holds no consent " + oldId));
            if (!held.hospital().equals(holder.did())) {
                throw CliFailure.failed("consent " + oldId + " covers records held by "
                        + PlainWords.hospital(held.hospital(), session.details()) + ", not by " + holder.label()
                        + ": give that hospital's node with --node");
            }
            ConsentChoices old = ConsentChoices.of(ConsentGrant.parse(held.consent().grantJws()).provision())
                    .orElseThrow(() -> CliFailure.failed("consent " + oldId + " has a form this app cannot narrow: "
                            + "grant a new consent, then revoke this one"));
            ConsentChoices changed = ChoiceOptions.read(session, holder.did(), old);
            if (narrowing) {
                requireNarrower(changed, old, oldId);
            } else {
                requireWider(changed, old, oldId);
            }
            ConsentSteps.requireEnrolled(wallet, holder, node);
            return replace(session, wallet, node, holder, changed, oldId, narrowing ? "narrower" : "wider");
        }
    }

    private static void requireNarrower(ConsentChoices narrower, ConsentChoices old, ConsentId oldId) {
        if (narrower.sameAs(old)) {
            throw CliFailure.usage("these choices are those of consent " + oldId + ": say what to narrow with --to, "
                    + "--purpose, --classes, --withhold, --from or --until");
        }
        if (!narrower.widerThan(old).isEmpty()) {
            throw CliFailure.usage("that would share " + String.join(", ", narrower.widerThan(old)) + " than consent "
                    + oldId + ": narrowing only takes away; grant a new consent to share more");
        }
    }

    private static void requireWider(ConsentChoices wider, ConsentChoices old, ConsentId oldId) {
        if (wider.sameAs(old)) {
            throw CliFailure.usage("these choices are those of consent " + oldId + ": say what to extend with --to, "
                    + "--purpose, --classes, --withhold, --from or --until");
        }
        if (!old.widerThan(wider).isEmpty()) {
            throw CliFailure.usage("consent " + oldId + " shares " + String.join(", ", old.widerThan(wider))
                    + " than these choices: extending only adds; narrow it to share less");
        }
    }

    private static int replace(Session session, Wallet wallet, URI node, NodeIdentity holder, ConsentChoices changed,
            ConsentId oldId, String how) {
        ConsentSteps.Granted granted = ConsentSteps.grant(session, wallet, node, changed);
        ConsentId newId = granted.consent().id();
        session.say("Granted the " + how + " consent " + newId + " (" + granted.status().code() + "): it "
                + PlainWords.describe(changed, session.details()) + ".");
        Optional<String> undelivered = ConsentSteps.deliver(session, node, newId, granted.consent().documentBytes(),
                holder.label(), granted.status());
        session.say("Now revoking the old consent " + oldId + ".");
        try {
            Revocations.revoke(session.nodes(), wallet, holder.did(), node, oldId, session.now());
        } catch (NodeException e) {
            throw CliFailure.failed("the new consent " + newId + " is " + granted.status().code() + ", but revoking "
                    + "the old consent " + oldId + " failed (" + Failures.node(e) + "): both apply until you run "
                    + "`patient consent revoke --id " + oldId + " --node " + node + "`");
        }
        session.say("Revoked the old consent " + oldId + ".");
        return followUp(session, wallet, node, holder, granted, undelivered);
    }
}
