package org.medmesh.patient.cli;

import java.net.URI;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient rotate --node URL [--recovery] [--resume]}: new keys for the identity at that hospital. The rotation
 * is signed and saved as pending before it is sent, so the keys the ledger may now expect are never lost:
 *
 * <ul>
 *   <li>committed: the new keys become current;
 *   <li>refused (4xx) on the first try: nothing was committed, the new keys are dropped;
 *   <li>no connection, no answer, or a node error (5xx): the rotation stays pending, and {@code --resume} sends the
 *       same signed operation again;
 *   <li>on {@code --resume}, a refusal with {@code STALE_VERSION} or {@code BAD_SIGNATURE} is what the ledger answers
 *       once this very rotation is in place (it checks the signature against the new keys, then the version), so the
 *       new keys become current. The app cannot read the DID document through the node to confirm it; if the
 *       hospital later refuses your signatures, rotate again with {@code --recovery}. Other refusals drop the keys.
 * </ul>
 */
final class RotateCommand {

    private RotateCommand() {}

    static int run(Session session) {
        URI node = session.node();
        boolean resume = session.args().flag("resume");
        boolean recovery = session.args().flag("recovery");
        if (resume && recovery) {
            throw CliFailure.usage("--resume sends the saved rotation again; --recovery applies to a new one only");
        }
        NodeIdentity hospital = session.nodes().identity(node);
        Did did = hospital.did();
        try (Wallet wallet = session.openWallet()) {
            if (!wallet.hospitals().contains(did)) {
                throw CliFailure.failed("the wallet holds no identity for " + hospital.label() + ": enrol there first");
            }
            String operation;
            if (resume) {
                operation = wallet.pendingRotation(did).orElseThrow(() -> CliFailure.failed(
                        "no key rotation is pending for " + hospital.label())).signedOperation();
            } else {
                if (wallet.pendingRotation(did).isPresent()) {
                    throw CliFailure.failed("a key rotation for " + hospital.label() + " is already pending: finish it "
                            + "with `patient rotate --node " + node + " --resume`");
                }
                operation = wallet.beginRotation(did, recovery);
            }
            return submit(session, wallet, hospital, node, operation, resume);
        }
    }

    private static int submit(Session session, Wallet wallet, NodeIdentity hospital, URI node, String operation,
            boolean resume) {
        Did did = hospital.did();
        try {
            session.nodes().rotatePatientKeys(node, operation);
        } catch (NodeException e) {
            if (resume && (e.isRefusal("STALE_VERSION") || e.isRefusal("BAD_SIGNATURE"))) {
                PatientIdentity next = wallet.completeRotation(did);
                session.say("The ledger no longer accepts the old keys, as it answers once this rotation is in place: "
                        + "the new keys are now in use at " + hospital.label() + " (key version " + next.version()
                        + "). If the hospital later refuses your signatures, run `patient rotate --node " + node
                        + " --recovery`.");
                return PatientCli.OK;
            }
            if (e.isRefusal()) {
                wallet.abandonRotation(did);
                throw CliFailure.failed(Failures.node(e)
                        + ". The new keys were dropped; your current keys stay in use");
            }
            throw CliFailure.failed(Failures.node(e) + ". The new keys are saved as pending: finish with "
                    + "`patient rotate --node " + node + " --resume`");
        }
        PatientIdentity next = wallet.completeRotation(did);
        session.say("New keys in use at " + hospital.label() + " (key version " + next.version() + ").");
        session.say("Make a new backup with `patient backup --to FILE`: older backups hold the old keys.");
        return PatientCli.OK;
    }
}
