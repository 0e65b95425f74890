package org.medmesh.patient.cli;

import java.net.URI;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Wallet;

/** {@code patient consent grant | narrow}: the commands that sign a new consent. */
final class ConsentGrantCommands {

    private ConsentGrantCommands() {}

    /** Grants, then delivers the signed document to the holder (the node named by {@code --node}). */
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
            if (undelivered.isPresent()) {
                throw CliFailure.failed(undelivered.get());
            }
            session.say("The signed consent was delivered to " + holder.label() + ".");
            return PatientCli.OK;
        }
    }

    /**
     * Replaces a consent by a narrower one: the new consent is granted first, then the old one revoked, so there is
     * never a moment with neither. Options left out keep the old consent's values; choices that would share anything
     * the old consent does not are refused (a wider consent is a new grant, not a narrowing).
     */
    static int narrow(Session session) {
        ConsentId oldId = session.consentId();
        URI node = session.node();
        NodeIdentity holder = session.nodes().identity(node);
        try (Wallet wallet = session.openWallet()) {
            ConsentSteps.Held held = ConsentSteps.find(wallet, oldId)
                    .orElseThrow(() -> CliFailure.failed("the wallet holds no consent " + oldId));
            if (!held.hospital().equals(holder.did())) {
                throw CliFailure.failed("consent " + oldId + " covers records held by "
                        + PlainWords.hospital(held.hospital(), session.details()) + ", not by " + holder.label()
                        + ": give that hospital's node with --node");
            }
            ConsentChoices old = ConsentChoices.of(ConsentGrant.parse(held.consent().grantJws()).provision())
                    .orElseThrow(() -> CliFailure.failed("consent " + oldId + " has a form this app cannot narrow: "
                            + "grant a new consent, then revoke this one"));
            ConsentChoices narrower = ChoiceOptions.read(session, holder.did(), old);
            requireNarrower(narrower, old, oldId);
            ConsentSteps.requireEnrolled(wallet, holder, node);
            return replace(session, wallet, node, holder, narrower, oldId);
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

    private static int replace(Session session, Wallet wallet, URI node, NodeIdentity holder, ConsentChoices narrower,
            ConsentId oldId) {
        ConsentSteps.Granted granted = ConsentSteps.grant(session, wallet, node, narrower);
        ConsentId newId = granted.consent().id();
        session.say("Granted the narrower consent " + newId + " (" + granted.status().code() + "): it "
                + PlainWords.describe(narrower, session.details()) + ".");
        Optional<String> undelivered = ConsentSteps.deliver(session, node, newId, granted.consent().documentBytes(),
                holder.label(), granted.status());
        session.say("Now revoking the old consent " + oldId + ".");
        try {
            ConsentSteps.revoke(session, wallet, holder.did(), node, oldId);
        } catch (NodeException e) {
            throw CliFailure.failed("the new consent " + newId + " is " + granted.status().code() + ", but revoking "
                    + "the old consent " + oldId + " failed (" + Failures.node(e) + "): both apply until you run "
                    + "`patient consent revoke --id " + oldId + " --node " + node + "`");
        }
        session.say("Revoked the old consent " + oldId + ".");
        if (undelivered.isPresent()) {
            throw CliFailure.failed(undelivered.get());
        }
        session.say("The signed consent was delivered to " + holder.label() + ".");
        return PatientCli.OK;
    }
}
