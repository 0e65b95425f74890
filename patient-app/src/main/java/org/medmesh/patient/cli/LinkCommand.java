package org.medmesh.patient.cli;

import java.net.URI;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.Grants;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient link --node URL --holder URL|DID}: tells the hospital at {@code --node} who the patient is at the
 * holder, so that its clinicians can ask the holder for the records the patient's consents allow. The patient must
 * be enrolled at the node's hospital (it links its own patient) and have an identity on the ledger at the holder.
 * A new link replaces the old one, so the command can be run again after any failure.
 */
final class LinkCommand {

    private LinkCommand() {}

    static int run(Session session) {
        URI node = session.node();
        String holderText = session.args().required("holder", "URL|DID (the hospital that holds the records)");
        NodeIdentity requester = session.nodes().identity(node);
        Hospital holder = Hospital.named(session, holderText);
        if (holder.did().equals(requester.did())) {
            throw CliFailure.usage("--holder names the hospital at --node: a hospital already has its own records");
        }
        try (Wallet wallet = session.openWallet()) {
            ConsentSteps.requireEnrolled(wallet, requester, node);
            requireIdentity(wallet, holder, holderText.startsWith("did:") ? "URL" : holderText);
            Grants.link(session.nodes(), wallet, node, requester.did(), holder.did(), session.now());
            session.say(requester.label() + " can now ask " + holder.label() + " for your records — only what your "
                    + "consents allow.");
            if (session.details()) {
                session.say("Your identity at " + holder.did() + " (" + wallet.identityFor(holder.did()).did()
                        + ") is linked to your identity at " + requester.did() + " ("
                        + wallet.identityFor(requester.did()).did() + ").");
            }
            return PatientCli.OK;
        }
    }

    /** Checked without {@code identityFor}, which would create an identity for a hospital the wallet does not know. */
    private static void requireIdentity(Wallet wallet, Hospital holder, String address) {
        Did did = holder.did();
        if (!wallet.hospitals().contains(did) || !wallet.isRegistered(did)) {
            throw CliFailure.failed("you have no identity on the ledger for " + holder.label() + ", so it holds no "
                    + "records of yours to link: enrol there first with `patient enrol --node " + address
                    + " --challenge CODE`");
        }
    }
}
