package org.medmesh.patient.cli;

import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.AccessEvent;
import org.medmesh.patient.node.AccessHistory;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Enrolment;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient access [--node URL] [--hospital URL|DID] [--details]}: every request for the patient's records the
 * ledger recorded, under any of the wallet's DIDs, newest first, with emergency (break-glass) accesses standing out.
 * One node reads them all from the shared ledger (default: the node of the wallet's first enrolment); each DID
 * proves control of itself to that node, so nobody else can read this history there.
 */
final class AccessCommand {

    static final String EMERGENCY = "!! EMERGENCY ACCESS (break-glass)";

    private AccessCommand() {}

    static int run(Session session) {
        Optional<Hospital> only = session.args().option("hospital").map(text -> Hospital.named(session, text));
        try (Wallet wallet = session.openWallet()) {
            List<Did> hospitals = wallet.hospitals().stream().filter(wallet::isRegistered).toList();
            if (hospitals.isEmpty()) {
                session.say("No hospital can have asked for your records: you have no identity on the ledger yet.");
                return PatientCli.OK;
            }
            URI node = session.args().option("node").map(Session::nodeAddress).orElseGet(() -> firstNode(wallet));
            NodeIdentity reader = session.nodes().identity(node);
            List<AccessEvent> events = read(session, wallet, node, reader).stream()
                    .filter(event -> only.map(hospital -> event.involves(hospital.did())).orElse(true))
                    .toList();
            report(session, events, labels(session, wallet, reader, only), reader.did(), only);
            return PatientCli.OK;
        }
    }

    private static void report(Session session, List<AccessEvent> events, Map<Did, String> labels, Did reader,
            Optional<Hospital> only) {
        if (events.isEmpty()) {
            session.say(only.map(h -> "No request for your records was made or answered by "
                    + label(labels, h.did()) + ".").orElse("No hospital has asked for your records yet."));
            return;
        }
        session.say("Requests for your records, newest first (" + events.size() + ", read through "
                + label(labels, reader) + "):");
        events.forEach(event -> show(session, event, labels));
        if (events.stream().anyMatch(event -> event.breakGlass() != null)) {
            session.say("Break-glass lets a clinician open your records in an emergency without your consent; "
                    + "the hospital that released the records keeps the clinician's written reason, and you may ask it.");
        }
    }

    /** The node of the earliest enrolment still in force. */
    private static URI firstNode(Wallet wallet) {
        return wallet.hospitals().stream().map(h -> Enrolments.enrolledAt(wallet, h)).flatMap(Optional::stream)
                .min(Comparator.comparing(Enrolment::since))
                .map(enrolment -> Session.nodeAddress(enrolment.serviceEndpoint().url()))
                .orElseThrow(() -> CliFailure.usage("--node URL is needed: the wallet has no enrolment whose node "
                        + "could be asked"));
    }

    private static List<AccessEvent> read(Session session, Wallet wallet, URI node, NodeIdentity reader) {
        try {
            return AccessHistory.read(wallet, session.nodes(), node, reader.did(), session.now());
        } catch (NodeException e) {
            throw CliFailure.failed("your access history could not be read through " + reader.label() + ": "
                    + Failures.node(e));
        }
    }

    /**
     * The hospitals named on the command line by the names their nodes give, the others the wallet knows by MSP id,
     * the rest by DID; all by DID with {@code --details}.
     */
    private static Map<Did, String> labels(Session session, Wallet wallet, NodeIdentity reader,
            Optional<Hospital> only) {
        Map<Did, String> labels = new HashMap<>();
        wallet.hospitals().forEach(did -> labels.put(did, PlainWords.hospital(did, session.details())));
        if (!session.details()) {
            only.ifPresent(hospital -> labels.put(hospital.did(), hospital.label()));
            labels.put(reader.did(), reader.label());
        }
        return labels;
    }

    private static void show(Session session, AccessEvent event, Map<Did, String> labels) {
        String when = event.time() == null ? "(time not recorded)" : PlainWords.instant(event.time());
        String asked = label(labels, event.requester()) + " asked " + label(labels, event.holder()) + " for "
                + PlainWords.purpose(event.purpose());
        String outcome = event.permitted() ? "permitted, " + PlainWords.records(event.count()) + " shared"
                : "denied, " + PlainWords.denial(event.denyReason());
        if (event.breakGlass() != null) {
            session.say(EMERGENCY + " " + when + ": " + asked + " without your consent, because "
                    + PlainWords.emergency(event.breakGlass().reasonCode()) + ": " + outcome + ".");
        } else {
            session.say(when + "  " + asked + ": " + outcome + ".");
        }
        if (session.details()) {
            session.say("    event " + event.eventId() + ", your identity " + event.patient()
                    + (event.consent() == null ? "" : ", consent " + event.consent()));
        }
    }

    private static String label(Map<Did, String> labels, Did hospital) {
        return labels.getOrDefault(hospital, hospital.value());
    }
}
