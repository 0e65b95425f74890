package org.medmesh.patient.cli;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentPreview;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.node.PolicyTrial;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient consent preview}: "try my policy" before granting — exactly which records each hospital named would
 * receive under these choices, tried on the records the hospital at {@code --node} keeps today (read with the
 * wallet's DID auth) with the hospitals' own decision rules. Signs nothing but the records challenge; changes nothing.
 */
final class PreviewCommand {
    private PreviewCommand() {}

    static int run(Session session) {
        URI node = session.node();
        NodeIdentity holder = session.nodes().identity(node);
        ConsentChoices choices = ChoiceOptions.read(session, holder.did(), null);
        PolicyTrial.Trial trial;
        try (Wallet wallet = session.openWallet()) {
            ConsentSteps.requireEnrolled(wallet, holder, node);
            trial = PolicyTrial.trial(session.nodes(), wallet, choices, null, session.now());
        } catch (NodeException e) {
            throw CliFailure.failed("your records could not be read from " + holder.label() + " (" + Failures.node(e)
                    + "), so nothing can be tried on them");
        } catch (IllegalStateException e) {
            throw CliFailure.failed(e.getMessage());
        }
        session.say("A consent that " + PlainWords.describe(choices, session.details()) + ",");
        String holderName = PlainWords.hospital(holder.did(), session.details());
        session.say("tried on the " + PlainWords.records(trial.records()) + " " + holderName
                + " keeps about you today, with the rules the hospital applies to each request:");
        ConsentPreview.byOutcome(trial.answers()).forEach((outcome, group) -> say(session, outcome, group, holderName));
        session.say("Nothing was signed or sent: grant it with `patient consent grant` and the same options.");
        return PatientCli.OK;
    }

    private static void say(Session session, ConsentPreview.Outcome outcome, List<ConsentPreview.Answer> group,
            String holder) {
        String who = group.stream().map(a -> PlainWords.hospital(a.grantee(), session.details())).distinct()
                .collect(Collectors.joining(", "));
        String why = group.stream().map(a -> PlainWords.purpose(a.purpose())).distinct()
                .collect(Collectors.joining(", "));
        if (!outcome.permitted()) {
            session.say("  " + who + ", for " + why + ": would receive nothing (" + PlainWords.denial(
                    outcome.denyReason()) + ").");
            return;
        }
        session.say("  " + who + ", for " + why + ": would receive " + PlainWords.records(outcome.releasedCount())
                + (outcome.releasedCount() == 0 ? "." : ":"));
        outcome.released().forEach((type, count) -> session.say("    " + PlainWords.kind(type, count)));
        outcome.withheld().forEach((reason, count) -> session.say("    not shared: " + PlainWords.withheld(reason,
                count, outcome.withheldCategories(), holder)));
    }
}
