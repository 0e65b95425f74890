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
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.PolicyTrial;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.node.OwnRecords;
import org.medmesh.patient.node.RecordsSummary;
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
                    + "then <a href=\"/enrol\">enrol</a>.</p>";
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
        return html.append("</tbody></table><p><a href=\"/enrol\">Enrol at another hospital</a></p>").toString();
    }

    /** The enrolment form: the hospital's address and the desk's code; {@code error} (may be null) above it. */
    static String enrolForm(String csrf, String address, String error) {
        return (error == null ? "" : Html.errorSummary(List.<String[]>of(new String[] {"code", error})))
                + "<p>A hospital's registration desk gives you a one-time code to link its record of you to your "
                + "wallet. Each hospital knows you by a different identity.</p>"
                + "<form method=\"post\" action=\"/enrol\"><input type=\"hidden\" name=\"csrf\" value=\""
                + Html.escape(csrf) + "\"><div class=\"field\"><label for=\"address\">The hospital's address</label>"
                + "<p class=\"hint\">As the desk wrote it, for example https://mesh.city-hospital.example</p>"
                + "<input type=\"text\" id=\"address\" name=\"address\" value=\"" + Html.escape(address) + "\"></div>"
                + "<div class=\"field" + (error == null ? "" : " error") + "\"><label for=\"code\">The code</label>"
                + (error == null ? "" : "<p class=\"error-message\">" + Html.escape(error) + "</p>")
                + "<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\"></div>"
                + "<button type=\"submit\" class=\"button\">Enrol</button></form>";
    }

    /** Enrols with the desk's code; the answer page, or the form again with what went wrong. */
    String enrol(Wallet wallet, String csrf, String address, String code) {
        URI node;
        try {
            node = Forms.webAddress(address);
        } catch (IllegalArgumentException e) {
            return enrolForm(csrf, address, "Enter the hospital's address as the desk gave it, starting with https://");
        }
        if (code == null || code.isBlank()) {
            return enrolForm(csrf, address, "Enter the code the registration desk gave you");
        }
        try {
            Enrolments.Enrolled enrolled = Enrolments.enrol(nodes,
                    wallet, node, code.strip(), clock.instant());
            if (!enrolled.enrolled()) {
                return enrolForm(csrf, address, "The hospital did not enrol you: ask its registration desk");
            }
            return "<div class=\"confirmation\"><h2>You are enrolled at " + Html.escape(HospitalNames.of(
                    enrolled.hospital().did())) + "</h2><p>It now knows its record of you belongs to your wallet. "
                    + "You decide who else may see it.</p></div><p><a href=\"/hospitals\">Your hospitals</a></p>";
        } catch (NodeException e) {
            return enrolForm(csrf, address, e.isRefusal()
                    ? "The hospital did not accept this code (unknown, already used or expired): ask its desk for a new one"
                    : "The hospital could not be reached at that address: check it and try again");
        } catch (IllegalStateException e) {
            return enrolForm(csrf, address, "The hospital answered for another identity: nothing was recorded");
        }
    }

    /** The hospitals the patient can read their records from, each with a button. */
    String recordsChoice(Wallet wallet) {
        List<Did> enrolled = Enrolments.enrolledHospitals(wallet);
        if (enrolled.isEmpty()) {
            return "<p>You are not enrolled at any hospital yet, so no hospital can show you its records.</p>";
        }
        StringBuilder html = new StringBuilder("<p>You have the right to see everything a hospital holds about "
                + "you. Your wallet proves who you are to the hospital; no password is kept there.</p><ul>");
        for (Did hospital : enrolled) {
            html.append("<li><a href=\"/records?hospital=").append(Html.escape(hospital.value())).append("\">")
                    .append("See what ").append(Html.escape(HospitalNames.of(hospital))).append(" holds about you")
                    .append("</a></li>");
        }
        return html.append("</ul>").toString();
    }

    /** What one hospital holds about the patient, counted in words, with a download of it all. */
    String records(Wallet wallet, Did hospital) {
        try {
            RecordsSummary summary = ownRecords(wallet, hospital).summary();
            StringBuilder html = new StringBuilder("<p>").append(Html.escape(HospitalNames.of(hospital)))
                    .append(" holds ").append(Html.escape(PlainWords.records(summary.total())))
                    .append(" about you:</p><ul>");
            summary.kinds().entrySet().stream()
                    .sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed())
                    .forEach(kind -> html.append("<li>").append(Html.escape(PlainWords.kind(kind.getKey(),
                            kind.getValue()))).append("</li>"));
            html.append("</ul>");
            summary.origins().forEach((origin, count) -> html.append("<p>").append(Html.escape(PlainWords.records(
                    count))).append(" of them came from ").append(Html.escape(HospitalNames.of(Did.parse(origin))))
                    .append(".</p>"));
            if (summary.sensitive() > 0) {
                html.append("<p>").append(Html.escape(PlainWords.records(summary.sensitive())))
                        .append(" are marked sensitive (").append(Html.escape(PlainWords.labels(
                                summary.sensitiveLabels()))).append("): they are shared only if your consent "
                                + "allows it, or in an emergency.</p>");
            }
            return html.append("<p><a href=\"/records.json?hospital=").append(Html.escape(hospital.value()))
                    .append("\">Download them all (FHIR, for another app or your doctor)</a></p>").toString();
        } catch (NodeException | IllegalStateException e) {
            return "<div class=\"notice\" role=\"alert\"><h2>" + Html.escape(HospitalNames.of(hospital))
                    + " could not show your records just now</h2><p>Its node did not answer or refused. Nothing was "
                    + "changed; try again later.</p></div>";
        }
    }

    /** Everything one hospital holds about the patient, as it sent it (a FHIR Bundle). */
    OwnRecords ownRecords(Wallet wallet, Did hospital) {
        return PolicyTrial.ownRecords(nodes, wallet, hospital, clock.instant());
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
        wallet.hospitals().forEach(hospital -> Enrolments.enrolledAt(wallet, hospital).ifPresent(enrolments::add));
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

    /** No hospital's node could answer. */
    private static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message) {
            super(message);
        }
    }
}
