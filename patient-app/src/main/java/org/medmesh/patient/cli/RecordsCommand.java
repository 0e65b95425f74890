package org.medmesh.patient.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.node.OwnRecords;
import org.medmesh.patient.node.RecordsChallenge;
import org.medmesh.patient.node.RecordsSummary;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.Wallet;

/**
 * {@code patient records --node URL [--out FILE] [--details]}: the patient's right of access. The wallet proves
 * control of its DID at the node's hospital by answering a one-time challenge, and the node answers with everything
 * it holds for the patient enrolled with that DID, as a FHIR Bundle. The output counts it in plain words, never
 * showing contents; {@code --out} also saves the Bundle exactly as received. The wallet is only read, and is closed
 * (its keys wiped) before the records arrive.
 */
final class RecordsCommand {

    private static final Comparator<Map.Entry<String, Integer>> MOST_FIRST =
            Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    /** A signed answer to the node's challenge; held only until it is sent. */
    private record Proof(Did patient, String challenge, String response) {}

    private RecordsCommand() {}

    static int run(Session session) {
        URI node = session.node();
        Optional<Path> out = session.args().option("out").map(RecordsFile::target);
        NodeIdentity hospital = session.nodes().identity(node);
        Proof proof;
        try (Wallet wallet = session.openWallet()) {
            ConsentSteps.requireEnrolled(wallet, hospital, node);
            proof = prove(session, node, hospital, wallet.identityFor(hospital.did()));
        }
        OwnRecords records = ask(hospital, node, () -> session.nodes().records(node, proof.challenge(),
                proof.response()));
        out.ifPresent(file -> RecordsFile.save(file, records.bundle()));
        report(session, hospital, records.summary());
        if (session.details()) {
            session.say("Your identity there: " + proof.patient().value() + "; the hospital: "
                    + hospital.did().value());
        }
        out.ifPresent(file -> session.say("Saved as received to " + file + " (" + PlainWords.count(records.size())
                + " bytes" + (RecordsFile.ownerOnly() ? ", readable by you only" : "") + ")."));
        return PatientCli.OK;
    }

    /** Asks for a challenge and answers it; a challenge for another hospital is not signed. */
    private static Proof prove(Session session, URI node, NodeIdentity hospital, PatientIdentity identity) {
        RecordsChallenge challenge = ask(hospital, node, () -> session.nodes().recordsChallenge(node,
                identity.did()));
        if (!challenge.audience().equals(hospital.did())) {
            throw CliFailure.failed(hospital.label() + " asked you to sign for another hospital: nothing was signed "
                    + "or read");
        }
        return new Proof(identity.did(), challenge.challenge(), identity.signedChallengeResponse(
                hospital.did().value(), challenge.challenge(), session.now()));
    }

    private static <T> T ask(NodeIdentity hospital, URI node, Supplier<T> call) {
        try {
            return call.get();
        } catch (NodeException e) {
            throw CliFailure.failed(failure(hospital, node, e));
        }
    }

    private static String failure(NodeIdentity hospital, URI node, NodeException e) {
        if (e.isRefusal("UNKNOWN_PATIENT") || e.isRefusal("UNKNOWN_DID")) {
            return hospital.label() + " has no patient enrolled with your identity there ("
                    + e.problemCode().orElseThrow() + "): ask its registration desk for a code, then run "
                    + "`patient enrol --node " + node + " --challenge CODE`";
        }
        if (e.isRefusal("CODE_NOT_OPEN")) {
            // also what a GET the HTTP client sent again after a dropped connection meets: the first one used it
            return hospital.label() + " no longer accepts the challenge it gave (CODE_NOT_OPEN: used or expired): "
                    + "nothing was saved; try again";
        }
        if (e.reason() == NodeException.Reason.NO_ANSWER) {
            return "no complete answer in time from " + hospital.label() + " at " + node + ": nothing was saved; "
                    + "try again";
        }
        return "your records could not be read from " + hospital.label() + ": " + Failures.node(e);
    }

    private static void report(Session session, NodeIdentity hospital, RecordsSummary summary) {
        if (summary.total() == 0) {
            session.say(hospital.label() + " holds no records about you.");
            return;
        }
        session.say(hospital.label() + " holds " + PlainWords.count(summary.total())
                + (summary.total() == 1 ? " record" : " records") + " about you:");
        summary.kinds().entrySet().stream().sorted(MOST_FIRST)
                .forEach(kind -> session.say("  " + PlainWords.kind(kind.getKey(), kind.getValue())));
        if (summary.received() > 0) {
            session.say(received(session, hospital, summary));
        }
        if (summary.sensitive() > 0) {
            session.say(PlainWords.count(summary.sensitive()) + (summary.sensitive() == 1 ? " is" : " are")
                    + " marked sensitive (" + PlainWords.labels(summary.sensitiveLabels()) + ").");
        }
    }

    /** "Of these, 300 came from StMarysMSP." or, from several, each with its count. */
    private static String received(Session session, NodeIdentity hospital, RecordsSummary summary) {
        Map<String, Integer> byHospital = new LinkedHashMap<>();
        summary.origins().forEach((code, count) ->
                byHospital.merge(origin(code, hospital, session.details()), count, Integer::sum));
        List<Map.Entry<String, Integer>> sources = byHospital.entrySet().stream().sorted(MOST_FIRST).toList();
        if (sources.size() == 1) {
            return "Of these, " + PlainWords.count(summary.received()) + " came from " + sources.get(0).getKey() + ".";
        }
        return "Of these, " + PlainWords.count(summary.received()) + " came from other hospitals: " + sources.stream()
                .map(s -> PlainWords.count(s.getValue()) + " from " + s.getKey()).collect(Collectors.joining(", "))
                + ".";
    }

    /** The hospital an origin tag names, in the words the other commands use; its DID only with --details. */
    private static String origin(String code, NodeIdentity hospital, boolean details) {
        try {
            Did did = Did.parseOrganization(code);
            return did.equals(hospital.did()) && !details ? hospital.label() : PlainWords.hospital(did, details);
        } catch (ChaincodeException e) {
            return "a hospital it does not name";
        }
    }
}
