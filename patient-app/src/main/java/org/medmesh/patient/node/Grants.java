package org.medmesh.patient.node;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ComposedConsent;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentComposer;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/**
 * Granting a consent, the same for the command line and the page: composed and signed with the patient's pairwise
 * DID at the holder, submitted through the holder's node, kept in the wallet once the ledger has it; then the
 * signed document handed to the holder, and each grantee told who the patient is at the holder.
 */
public final class Grants {
    private Grants() {}

    /** A consent the ledger accepted, with its status there. */
    public record Granted(ComposedConsent consent, EffectiveStatus status) {}

    /**
     * The node's answer to a grant was lost. {@code absent}: the ledger confirms it does not have the consent, so
     * nothing was granted; otherwise it could not be asked either, and the consent may or may not be on the ledger
     * (it is not in the wallet).
     */
    public static final class Unconfirmed extends RuntimeException {
        private final ConsentId id;
        private final boolean absent;
        private final NodeException cause;

        Unconfirmed(ConsentId id, boolean absent, NodeException cause) {
            super(absent ? "the ledger does not have consent " + id : "consent " + id + " may or may not be granted",
                    cause);
            this.id = id;
            this.absent = absent;
            this.cause = cause;
        }

        public ConsentId id() {
            return id;
        }

        public boolean absent() {
            return absent;
        }

        /** The failure of the submission itself. */
        public NodeException submission() {
            return cause;
        }
    }

    /**
     * Composes, signs and submits; the consent is in the wallet once the ledger has it.
     *
     * @throws NodeException if the node refuses or cannot be reached (nothing granted)
     * @throws Unconfirmed if the answer was lost
     */
    public static Granted grant(NodeClient nodes, Wallet wallet, URI node, ConsentChoices choices, Instant now) {
        ComposedConsent composed = ConsentComposer.compose(choices, wallet.identityFor(choices.holder()), now);
        EffectiveStatus status = submit(nodes, node, composed);
        wallet.recordConsent(choices.holder(),
                new SignedConsent(composed.id(), composed.grantJws(), composed.document(), status));
        return new Granted(composed, status);
    }

    /** Without an answer the grant may or may not be committed: the ledger is asked before anything is said. */
    private static EffectiveStatus submit(NodeClient nodes, URI node, ComposedConsent composed) {
        try {
            return nodes.submitGrant(node, composed.grantJws(), composed.documentBytes()).status();
        } catch (NodeException e) {
            if (e.reason() != NodeException.Reason.NO_ANSWER) {
                throw e;
            }
            try {
                return nodes.consent(node, composed.id()).status();
            } catch (NodeException check) {
                throw new Unconfirmed(composed.id(), check.isRefusal() && check.status() == 404, e);
            }
        }
    }

    /** Hands the signed document to the holder: the failure, if it did not arrive (the consent stands anyway). */
    public static Optional<NodeException> deliver(NodeClient nodes, URI node, ConsentId id, byte[] document) {
        try {
            nodes.deliverDocument(node, id, document);
            return Optional.empty();
        } catch (NodeException e) {
            return Optional.of(e);
        }
    }

    /**
     * Tells the requester's node who the patient is at the holder: the same statement signed with the patient's DIDs
     * at both, for the requester.
     *
     * @throws NodeException if the requester's node refuses or cannot be reached
     */
    public static void link(NodeClient nodes, Wallet wallet, URI requesterNode, Did requester, Did holder,
            Instant now) {
        Objects.requireNonNull(requesterNode, "requesterNode");
        PatientIdentity here = wallet.identityFor(requester);
        PatientIdentity there = wallet.identityFor(holder);
        String statement = PatientLink.statement(holder, there.did(), here.did());
        nodes.link(requesterNode, holder, here.signedChallengeResponse(requester.value(), statement, now),
                there.signedChallengeResponse(requester.value(), statement, now));
    }

    /**
     * What telling one grantee came to: {@code node} is its node (null when the wallet is not enrolled there, so it
     * could not be told), {@code failure} why telling it failed (null when it was told or could not be).
     */
    public record Told(Did grantee, URI node, RuntimeException failure) {
        public boolean linked() {
            return node != null && failure == null;
        }
    }

    /**
     * After a grant: each grantee where the patient is enrolled is told who the patient is at the holder (a failure
     * leaves the consent in place); a grantee where the wallet has no enrolment cannot be told yet.
     */
    public static List<Told> linkGrantees(NodeClient nodes, Wallet wallet, ConsentChoices choices, Instant now) {
        List<Told> told = new ArrayList<>();
        for (Did grantee : choices.grantees()) {
            Optional<URI> node = Enrolments.nodeOf(wallet, grantee);
            if (node.isEmpty()) {
                told.add(new Told(grantee, null, null));
                continue;
            }
            try {
                link(nodes, wallet, node.get(), grantee, choices.holder(), now);
                told.add(new Told(grantee, node.get(), null));
            } catch (NodeException | IllegalArgumentException e) {
                told.add(new Told(grantee, node.get(), e));
            }
        }
        return told;
    }
}
