package org.medmesh.patient.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.patient.consent.ComposedConsent;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.Grants;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Wallet;

/** The steps the consent commands share: grant and deliver the document, in the command line's words. */
final class ConsentSteps {

    private ConsentSteps() {}

    record Granted(ComposedConsent consent, ConsentChoices choices, EffectiveStatus status) {}

    /** A consent is signed with the pairwise DID at the holder, which must be on the ledger and enrolled there. */
    static void requireEnrolled(Wallet wallet, NodeIdentity holder, URI node) {
        if (Enrolments.enrolledAt(wallet, holder.did()).isEmpty()) {
            throw CliFailure.failed("you are not enrolled at " + holder.label() + ": enrol there first with "
                    + "`patient enrol --node " + node + " --challenge CODE`");
        }
    }

    /** Composes, signs and submits; the consent is in the wallet once the ledger has it. */
    static Granted grant(Session session, Wallet wallet, URI node, ConsentChoices choices) {
        try {
            Grants.Granted granted = Grants.grant(session.nodes(), wallet, node, choices, session.now());
            return new Granted(granted.consent(), choices, granted.status());
        } catch (Grants.Unconfirmed e) {
            if (e.absent()) {
                throw CliFailure.failed(Failures.node(e.submission()) + "; the ledger does not have the consent: "
                        + "nothing was granted, try again");
            }
            throw CliFailure.failed("no answer in time from the hospital at " + node + ": consent " + e.id()
                    + " may or may not be on the ledger, and is not in the wallet; check with "
                    + "`patient consent status --id " + e.id() + " --node " + node + "`");
        }
    }

    /** Hands the signed document to the holder; the failure, in words, if it did not arrive. */
    static Optional<String> deliver(Session session, URI node, ConsentId id, byte[] document, String holder,
            EffectiveStatus status) {
        return Grants.deliver(session.nodes(), node, id, document).map(e -> "consent " + id + " is " + status.code()
                + " on the ledger and kept in the wallet, but the signed document did not reach " + holder + " ("
                + Failures.node(e) + "): send it again with `patient consent deliver --id " + id + " --node " + node
                + "`");
    }

    /** Ends a command whose main step succeeded: its follow-up steps that failed, if any, make it fail. */
    static int finish(List<String> failures) {
        if (!failures.isEmpty()) {
            throw CliFailure.failed(String.join("; ", failures));
        }
        return PatientCli.OK;
    }
}
