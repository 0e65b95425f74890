package org.medmesh.patient.cli;

import java.net.URI;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient enrol --node URL --challenge CODE}: registers the pairwise DID for that hospital on the ledger (once)
 * and answers the one-time code its registration desk gave, which proves control of the DID. Each step is saved as
 * it succeeds, so running the command again after a failure picks up where it stopped.
 */
final class EnrolCommand {

    private EnrolCommand() {}

    static int run(Session session) {
        URI node = session.node();
        String challenge = session.args().required("challenge", "CODE (from the hospital's registration desk)");
        try (Wallet wallet = session.openWallet()) {
            Enrolments.Enrolled result;
            try {
                result = Enrolments.enrol(session.nodes(), wallet, node, challenge, session.now());
            } catch (NodeException e) {
                if (!e.isRefusal()) {
                    throw e;
                }
                throw CliFailure.failed(Failures.node(e) + ". Ask the hospital's registration desk for a new code; "
                        + "your identity there is kept in the wallet");
            } catch (IllegalStateException e) {
                throw CliFailure.failed(e.getMessage() + ": the enrolment was not recorded");
            }
            NodeIdentity hospital = result.hospital();
            if (result.registeredNow()) {
                session.say("Registered your identity for " + hospital.label() + " on the ledger.");
            }
            if (!result.enrolled()) {
                throw CliFailure.failed(hospital.label() + " did not enrol you: ask its registration desk");
            }
            session.say("Enrolled at " + hospital.label() + ".");
            if (session.details()) {
                session.say("Your identity there: " + result.patient().value() + "; the hospital: "
                        + hospital.did().value());
            }
            return PatientCli.OK;
        }
    }
}
