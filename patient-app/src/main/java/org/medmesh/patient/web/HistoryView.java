package org.medmesh.patient.web;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.node.AccessEvent;

/**
 * "Who saw my records": the access history as a timeline, newest first — who asked, which hospital answered, when,
 * why, permitted or refused and how many records — with emergency (break-glass) accesses standing out and a notice
 * above everything when there is one; filters by hospital and outcome; identifiers behind "details".
 */
final class HistoryView {
    private HistoryView() {}

    /**
     * Which events to show: {@code hospital} asked or answered (null: any), {@code outcome} as named (null: any),
     * on or after {@code from} and on or before {@code to} (ISO dates, this computer's time zone; null: open).
     */
    record Filter(String hospital, String outcome, String from, String to) {
        Filter(String hospital, String outcome) {
            this(hospital, outcome, null, null);
        }

        boolean accepts(AccessEvent event) {
            if (!withinDates(event)) {
                return false;
            }
            boolean hospitalMatches = hospital == null || hospital.isEmpty()
                    || event.requester().value().equals(hospital) || event.holder().value().equals(hospital);
            boolean outcomeMatches = outcome == null || outcome.isEmpty()
                    || (outcome.equals("emergency") && event.breakGlass() != null)
                    || (outcome.equals("permitted") && event.permitted())
                    || (outcome.equals("denied") && !event.permitted());
            return hospitalMatches && outcomeMatches;
        }

        private boolean withinDates(AccessEvent event) {
            if ((from == null || from.isEmpty()) && (to == null || to.isEmpty())) {
                return true;
            }
            if (event.time() == null) {
                return false;
            }
            java.time.LocalDate day = event.time().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
            return (date(from) == null || !day.isBefore(date(from))) && (date(to) == null || !day.isAfter(date(to)));
        }

        /** The date typed, or null when empty or not a date (an unreadable date filters nothing). */
        static java.time.LocalDate date(String text) {
            try {
                return text == null || text.isEmpty() ? null : java.time.LocalDate.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        String query() {
            return "hospital=" + encode(hospital) + "&amp;outcome=" + encode(outcome) + "&amp;from=" + encode(from)
                    + "&amp;to=" + encode(to);
        }

        private static String encode(String value) {
            return Html.escape(java.net.URLEncoder.encode(value == null ? "" : value,
                    java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    static String body(List<AccessEvent> all, Filter filter, String readThrough) {
        StringBuilder html = new StringBuilder();
        List<AccessEvent> emergencies = all.stream().filter(e -> e.breakGlass() != null).toList();
        if (!emergencies.isEmpty()) {
            AccessEvent latest = emergencies.get(0);
            html.append("<div class=\"notice\" role=\"alert\"><h2>Emergency access to your records</h2><p>")
                    .append(Html.escape(HospitalNames.of(latest.requester()))).append(" opened your records from ")
                    .append(Html.escape(HospitalNames.of(latest.holder()))).append(" in an emergency, without your "
                            + "consent, on ").append(Html.escape(when(latest))).append(", because ")
                    .append(Html.escape(PlainWords.emergency(latest.breakGlass().reasonCode())))
                    .append(".</p><p>The hospital that released the records keeps the clinician's written reason; "
                            + "you may ask it.</p></div>");
        }
        html.append(filters(all, filter));
        List<AccessEvent> shown = all.stream().filter(filter::accepts).toList();
        html.append("<p>").append(shown.size()).append(shown.size() == 1 ? " request" : " requests")
                .append(" for your records, newest first. Read from the shared ledger through ")
                .append(Html.escape(readThrough)).append(".</p>");
        html.append("<p><a href=\"/history.csv?").append(filter.query()).append("\">Download as a spreadsheet (CSV)</a> · ")
                .append("<a href=\"/history.fhir.json?").append(filter.query())
                .append("\">Download as FHIR AuditEvents (accounting of disclosures)</a></p>");
        if (shown.isEmpty()) {
            html.append("<p>No hospital has asked for your records").append(all.isEmpty() ? " yet." : " that matches "
                    + "these filters.").append("</p>");
            return html.toString();
        }
        html.append("<ol class=\"timeline\">");
        shown.forEach(event -> html.append(item(event)));
        return html.append("</ol>").toString();
    }

    private static String filters(List<AccessEvent> all, Filter filter) {
        Set<String> hospitals = new TreeSet<>();
        all.forEach(e -> {
            hospitals.add(e.requester().value());
            hospitals.add(e.holder().value());
        });
        StringBuilder html = new StringBuilder("<form method=\"get\" action=\"/history\" class=\"filters\">"
                + "<div class=\"field\"><label for=\"hospital\">Hospital</label><select id=\"hospital\" name=\"hospital\">"
                + "<option value=\"\">Any hospital</option>");
        for (String hospital : hospitals) {
            html.append("<option value=\"").append(Html.escape(hospital)).append('"')
                    .append(hospital.equals(filter.hospital()) ? " selected" : "").append('>')
                    .append(Html.escape(HospitalNames.of(Did.parse(hospital)))).append("</option>");
        }
        html.append("</select></div><div class=\"field\"><label for=\"outcome\">Outcome</label>"
                + "<select id=\"outcome\" name=\"outcome\">");
        for (String[] option : new String[][] {{"", "Any outcome"}, {"permitted", "Shared"}, {"denied", "Refused"},
                {"emergency", "Emergency access"}}) {
            html.append("<option value=\"").append(option[0]).append('"')
                    .append(option[0].equals(filter.outcome() == null ? "" : filter.outcome()) ? " selected" : "")
                    .append('>').append(option[1]).append("</option>");
        }
        html.append("</select></div>");
        for (String[] date : new String[][] {{"from", "From", filter.from()}, {"to", "To", filter.to()}}) {
            html.append("<div class=\"field\"><label for=\"").append(date[0]).append("\">").append(date[1])
                    .append("</label><input type=\"date\" id=\"").append(date[0]).append("\" name=\"")
                    .append(date[0]).append("\" value=\"").append(Html.escape(Filter.date(date[2]) == null ? ""
                            : date[2])).append("\"></div>");
        }
        return html.append("<button type=\"submit\" class=\"button secondary\">Show</button></form>").toString();
    }

    private static String item(AccessEvent event) {
        boolean emergency = event.breakGlass() != null;
        String kind = emergency ? "emergency" : event.permitted() ? "permitted" : "denied";
        StringBuilder html = new StringBuilder("<li class=\"").append(kind).append("\">");
        if (emergency) {
            html.append("<span class=\"tag emergency\">Emergency access</span>");
        }
        html.append("<span class=\"tag ").append(event.permitted() ? "permitted\">Shared" : "denied\">Refused")
                .append("</span><span class=\"when\">").append(Html.escape(when(event))).append("</span><p>")
                .append(Html.escape(HospitalNames.of(event.requester()))).append(" asked ")
                .append(Html.escape(HospitalNames.of(event.holder()))).append(" for your records for ")
                .append(Html.escape(PlainWords.purpose(event.purpose())));
        if (emergency) {
            html.append(", without your consent, because ")
                    .append(Html.escape(PlainWords.emergency(event.breakGlass().reasonCode())));
        }
        html.append(". ").append(event.permitted()
                ? Html.escape(Html.capitalised(PlainWords.records(event.count()))) + " shared."
                : "Refused: " + Html.escape(PlainWords.denial(event.denyReason())) + ".").append("</p>");
        html.append("<details><summary>Details</summary><dl>")
                .append(row("Your identity at " + HospitalNames.of(event.holder()), event.patient().value()))
                .append(row("Hospital that asked", event.requester().value()))
                .append(row("Hospital that answered", event.holder().value()));
        if (event.consent() != null) {
            html.append(row("Consent", event.consent().value()));
        }
        if (emergency) {
            html.append(row("SHA-256 of the clinician's reason", event.breakGlass().reasonHash()));
        }
        return html.append(row("Event", event.eventId())).append(row("Ledger transaction", event.ledgerTx()))
                .append("</dl></details></li>").toString();
    }

    private static String row(String term, String value) {
        return "<dt>" + Html.escape(term) + "</dt><dd><code>" + Html.escape(value) + "</code></dd>";
    }

    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("d MMMM yyyy 'at' HH:mm (zzz)", java.util.Locale.UK);

    /** When, in words and in this computer's time zone: "22 November 2026 at 06:24 (UTC)". */
    static String when(AccessEvent event) {
        return event.time() == null ? "time not recorded"
                : WHEN.format(event.time().atZone(java.time.ZoneId.systemDefault()));
    }

}
