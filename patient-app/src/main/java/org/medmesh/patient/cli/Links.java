package org.medmesh.patient.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.Grants;
import org.medmesh.patient.wallet.Wallet;

/**
 * Telling one hospital (the requester) who the patient is at another (the holder), so that it can ask the holder for
 * their records. The DIDs are pairwise, so no hospital can work this out alone: the patient's DIDs at both sign the
 * same statement.
 */
final class Links {

    private Links() {}

    /** The command that makes the link again, to print after a failure. */
    static String command(URI requesterNode, String holder) {
        return "`patient link --node " + requesterNode + " --holder " + holder + "`";
    }

    /**
     * After a consent is granted: each grantee where the patient is enrolled is told who they are at the holder. A
     * grantee where the wallet has no enrolment cannot be told yet, and the patient reads how to do it later.
     *
     * @return what failed, in words, one sentence per grantee
     */
    static List<String> linkGrantees(Session session, Wallet wallet, ConsentChoices choices, URI holderNode,
            String holderLabel) {
        List<String> failures = new ArrayList<>();
        for (Grants.Told told : Grants.linkGrantees(session.nodes(), wallet, choices, session.now())) {
            String label = PlainWords.hospital(told.grantee(), session.details());
            if (told.node() == null) {
                session.say(label + " can ask " + holderLabel + " for these records once you are enrolled there: "
                        + "then run `patient link --node URL --holder " + holderNode + "` (URL: its node's address).");
            } else if (told.linked()) {
                session.say(label + " can now ask " + holderLabel + " for these records.");
            } else {
                failures.add(label + " was not told who you are at " + holderLabel + " ("
                        + Failures.describe(told.failure(), session.walletFile()) + "), so it cannot ask for these "
                        + "records yet: run " + command(told.node(), holderNode.toString()));
            }
        }
        return failures;
    }
}
