package org.medmesh.patient.cli;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ComposedConsent;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentComposer;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.Revocations;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/** The steps the consent commands share: grant, deliver the document, revoke, and find a consent in the wallet. */
final class ConsentSteps {

    private ConsentSteps() {}

    record Granted(ComposedConsent consent, ConsentChoices choices, EffectiveStatus status) {}

    record Held(Did hospital, SignedConsent consent) {}

    /** A consent is signed with the pairwise DID at the holder, which must be on the ledger and enrolled there. */
    static void requireEnrolled(Wallet wallet, NodeIdentity holder, URI node) {
        if (Links.enrolledAt(wallet, holder.did()).isEmpty()) {
            throw CliFailure.failed("you are not enrolled at " + holder.label() + ": enrol there first with "
                    + "`patient enrol --node " + node + " --challenge CODE`");
        }
    }

    /** Composes, signs and submits; the consent is in the wallet once the ledger has it. */
    static Granted grant(Session session, Wallet wallet, URI node, ConsentChoices choices) {
        ComposedConsent composed =
                ConsentComposer.compose(choices, wallet.identityFor(choices.holder()), session.now());
        EffectiveStatus status = submit(session, node, composed);
        wallet.recordConsent(choices.holder(),
                new SignedConsent(composed.id(), composed.grantJws(), composed.document(), status));
        return new Granted(composed, choices, status);
    }

    /** Without an answer the grant may or may not be committed: the ledger is asked before anything is said. */
    private static EffectiveStatus submit(Session session, URI node, ComposedConsent composed) {
        try {
            return session.nodes().submitGrant(node, composed.grantJws(), composed.documentBytes()).status();
        } catch (NodeException e) {
            if (e.reason() != NodeException.Reason.NO_ANSWER) {
                throw e;
            }
            try {
                return session.nodes().consent(node, composed.id()).status();
            } catch (NodeException check) {
                if (check.isRefusal() && check.status() == 404) {
                    throw CliFailure.failed(Failures.node(e) + "; the ledger does not have the consent: nothing was "
                            + "granted, try again");
                }
                throw CliFailure.failed("no answer in time from the hospital at " + node + ": consent "
                        + composed.id() + " may or may not be on the ledger, and is not in the wallet; check with "
                        + "`patient consent status --id " + composed.id() + " --node " + node + "`");
            }
        }
    }

    /** Hands the signed document to the holder; the failure, in words, if it did not arrive. */
    static Optional<String> deliver(Session session, URI node, ConsentId id, byte[] document, String holder,
            EffectiveStatus status) {
        try {
            session.nodes().deliverDocument(node, id, document);
            return Optional.empty();
        } catch (NodeException e) {
            return Optional.of("consent " + id + " is " + status.code() + " on the ledger and kept in the wallet, but "
                    + "the signed document did not reach " + holder + " (" + Failures.node(e) + "): send it again "
                    + "with `patient consent deliver --id " + id + " --node " + node + "`");
        }
    }

    /** Signs and submits a revocation; an already revoked consent counts as revoked. */
    static EffectiveStatus revoke(Session session, Wallet wallet, Did hospital, URI node, ConsentId id) {
        return Revocations.revoke(session.nodes(), wallet, hospital, node, id, session.now());
    }

    /** Ends a command whose main step succeeded: its follow-up steps that failed, if any, make it fail. */
    static int finish(List<String> failures) {
        if (!failures.isEmpty()) {
            throw CliFailure.failed(String.join("; ", failures));
        }
        return PatientCli.OK;
    }

    static Optional<Held> find(Wallet wallet, ConsentId id) {
        return wallet.findConsent(id).map(held -> new Held(held.hospital(), held.consent()));
    }
}
