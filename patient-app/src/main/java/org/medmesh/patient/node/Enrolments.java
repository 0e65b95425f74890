package org.medmesh.patient.node;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.wallet.Enrolment;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * Enrolling at a hospital with the one-time code its registration desk gave: the wallet's identity for that
 * hospital is registered on the ledger once, then signs the code; the hospital links its record of the patient to
 * that identity, and the wallet records the enrolment. The command line and the page do the same.
 */
public final class Enrolments {
    static final String DUPLICATE = "DUPLICATE";

    private Enrolments() {}

    /** What happened. */
    public record Enrolled(NodeIdentity hospital, Did patient, boolean registeredNow, boolean enrolled) {}

    /**
     * @throws NodeException if the node refuses (e.g. an unknown, used or expired code: ask the desk again) or
     *     cannot be reached; the identity stays in the wallet for the next try
     * @throws IllegalStateException if the hospital answered for another identity (nothing recorded)
     */
    public static Enrolled enrol(NodeClient nodes, Wallet wallet, URI node, String code, Instant now) {
        NodeIdentity hospital = nodes.identity(node);
        Did did = hospital.did();
        PatientIdentity identity = wallet.identityFor(did);
        boolean registeredNow = false;
        if (!wallet.isRegistered(did)) {
            try {
                nodes.registerPatient(node, identity.signedCreate());
            } catch (NodeException e) {
                // A DID derived from our own first keys that the ledger already has was registered by us before.
                if (!e.isRefusal(DUPLICATE)) {
                    throw e;
                }
            }
            wallet.markRegistered(did);
            registeredNow = true;
        }
        EnrolmentAnswer answer = nodes.answerEnrolmentChallenge(node, code,
                identity.signedChallengeResponse(did.value(), code, now));
        if (!answer.patientDid().equals(identity.did())) {
            throw new IllegalStateException(hospital.label() + " answered for another identity");
        }
        wallet.recordEnrolment(did, hospital.serviceEndpoint(), answer.enrolled());
        return new Enrolled(hospital, identity.did(), registeredNow, answer.enrolled());
    }

    /** The wallet's enrolment at {@code hospital}, if it is enrolled there with an identity on the ledger. */
    public static Optional<Enrolment> enrolledAt(Wallet wallet, Did hospital) {
        if (!wallet.hospitals().contains(hospital) || !wallet.isRegistered(hospital)) {
            return Optional.empty();
        }
        return wallet.enrolment(hospital).filter(Enrolment::enrolled);
    }

    /** The address of {@code hospital}'s node, if the wallet is enrolled there. */
    public static Optional<URI> nodeOf(Wallet wallet, Did hospital) {
        return enrolledAt(wallet, hospital).map(e -> URI.create(e.serviceEndpoint().url()));
    }

    /** The hospitals where the wallet is enrolled, in the order of their DIDs. */
    public static List<Did> enrolledHospitals(Wallet wallet) {
        return wallet.hospitals().stream().filter(h -> enrolledAt(wallet, h).isPresent())
                .sorted(Comparator.comparing(Did::value)).toList();
    }
}
