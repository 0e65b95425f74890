package org.medmesh.patient.web;

import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.node.AccessEvent;
import org.medmesh.patient.node.AccessHistory;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.wallet.Enrolment;
import org.medmesh.patient.wallet.Wallet;

/** The unlocked pages' content, from the wallet and the hospitals' nodes. */
final class Pages {
    private final NodeClient nodes;
    private final Clock clock;

    Pages(NodeClient nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    String hospitals(Wallet wallet) {
        List<Did> hospitals = wallet.hospitals().stream().sorted(Comparator.comparing(Did::value)).toList();
        if (hospitals.isEmpty()) {
            return "<p>You are not enrolled at any hospital yet. Ask a hospital's registration desk for a code, "
                    + "then enrol with <code>medmesh patient enrol</code>.</p>";
        }
        StringBuilder html = new StringBuilder("<p>The hospitals where you are enrolled. Each knows you by a "
                + "different identity, so the ledger cannot join your hospitals together; each keeps the records "
                + "of your care there.</p><table><caption class=\"hint\">Your hospitals</caption><thead><tr>"
                + "<th scope=\"col\">Hospital</th><th scope=\"col\">Enrolled</th><th scope=\"col\">Consents you "
                + "gave for its records</th></tr></thead><tbody>");
        for (Did hospital : hospitals) {
            Optional<Enrolment> enrolment = wallet.enrolment(hospital);
            int consents = wallet.consents(hospital).size();
            html.append("<tr><td>").append(Html.escape(HospitalNames.of(hospital)))
                    .append("<details><summary>Details</summary><p>Hospital <code>")
                    .append(Html.escape(hospital.value())).append("</code><br>Your identity there <code>")
                    .append(Html.escape(wallet.identityFor(hospital).did().value())).append("</code>")
                    .append(enrolment.map(e -> "<br>Its node <code>" + Html.escape(e.serviceEndpoint().url())
                            + "</code>").orElse("")).append("</p></details></td><td>")
                    .append(enrolment.filter(Enrolment::enrolled).map(e -> "since "
                            + Html.escape(PlainWords.instant(e.since()))).orElse("not yet"))
                    .append("</td><td>").append(consents).append("</td></tr>");
        }
        return html.append("</tbody></table>").toString();
    }

    String history(Wallet wallet, HistoryView.Filter filter) {
        try {
            Read read = read(wallet);
            return HistoryView.body(read.events(), filter, read.through());
        } catch (Unreachable e) {
            return "<div class=\"notice\" role=\"alert\"><h2>Your history could not be read just now</h2><p>"
                    + Html.escape(e.getMessage()) + "</p><p>Nothing was lost: the history is kept on the "
                    + "hospitals' shared ledger. Try again later.</p></div>";
        }
    }

    List<AccessEvent> events(Wallet wallet, HistoryView.Filter filter) {
        return read(wallet).events().stream().filter(filter::accepts).toList();
    }

    private record Read(List<AccessEvent> events, String through) {}

    /** Through the first enrolled hospital's node that answers, in order of enrolment. */
    private Read read(Wallet wallet) {
        List<Enrolment> enrolments = new ArrayList<>();
        for (Did hospital : wallet.hospitals()) {
            wallet.enrolment(hospital).filter(Enrolment::enrolled).filter(e -> wallet.isRegistered(hospital))
                    .ifPresent(enrolments::add);
        }
        if (enrolments.isEmpty()) {
            return new Read(List.of(), "no hospital yet");
        }
        enrolments.sort(Comparator.comparing(Enrolment::since));
        List<String> failures = new ArrayList<>();
        for (Enrolment enrolment : enrolments) {
            URI node = URI.create(enrolment.serviceEndpoint().url());
            try {
                NodeIdentity reader = nodes.identity(node);
                return new Read(AccessHistory.read(wallet, nodes, node, reader.did(), clock.instant()),
                        HospitalNames.of(reader.did()));
            } catch (NodeException e) {
                failures.add(node.toString());
            }
        }
        throw new Unreachable("No hospital's node answered (" + String.join(", ", failures) + ").");
    }

    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }
}
