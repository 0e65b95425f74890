package org.medmesh.patient.cli;

import java.net.URI;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.EnrolmentAnswer;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient enrol --node URL --challenge CODE}: registers the pairwise DID for that hospital on the ledger (once)
 * and answers the one-time code its registration desk gave, which proves control of the DID. Each step is saved as
 * it succeeds, so running the command again after a failure picks up where it stopped.
 */
final class EnrolCommand {

    /** What the ledger answers to a create for a DID it already has. */
    static final String DUPLICATE = "DUPLICATE";

    private EnrolCommand() {}

    static int run(Session session) {
        URI node = session.node();
        String challenge = session.args().required("challenge", "CODE (from the hospital's registration desk)");
        NodeIdentity hospital = session.nodes().identity(node);
        Did did = hospital.did();
        try (Wallet wallet = session.openWallet()) {
            PatientIdentity identity = wallet.identityFor(did);
            if (!wallet.isRegistered(did)) {
                register(session, node, identity);
                wallet.markRegistered(did);
                session.say("Registered your identity for " + hospital.label() + " on the ledger.");
            }
            String response = identity.signedChallengeResponse(did.value(), challenge, session.now());
            EnrolmentAnswer answer;
            try {
                answer = session.nodes().answerEnrolmentChallenge(node, challenge, response);
            } catch (NodeException e) {
                if (!e.isRefusal()) {
                    throw e;
                }
                throw CliFailure.failed(Failures.node(e) + ". Ask " + hospital.label()
                        + "'s registration desk for a new code; your identity there is kept in the wallet");
            }
            if (!answer.patientDid().equals(identity.did())) {
                throw CliFailure.failed(hospital.label() + " answered for another identity: the enrolment was not "
                        + "recorded");
            }
            wallet.recordEnrolment(did, hospital.serviceEndpoint(), answer.enrolled());
            if (!answer.enrolled()) {
                throw CliFailure.failed(hospital.label() + " did not enrol you: ask its registration desk");
            }
            session.say("Enrolled at " + hospital.label() + ".");
            if (session.details()) {
                session.say("Your identity there: " + identity.did().value() + "; the hospital: " + did.value());
            }
            return PatientCli.OK;
        }
    }

    /** A DID derived from our own first keys that the ledger already has was registered by us (an earlier try). */
    private static void register(Session session, URI node, PatientIdentity identity) {
        try {
            session.nodes().registerPatient(node, identity.signedCreate());
        } catch (NodeException e) {
            if (!e.isRefusal(DUPLICATE)) {
                throw e;
            }
        }
    }
}
