package org.medmesh.patient.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentPreview;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.PolicyTrial;
import org.medmesh.patient.wallet.Wallet;

/**
 * "Check your consent": the answers in plain words, each with a link to change it, and "try my policy" — exactly
 * which of the records the hospital keeps would reach each hospital named, read from the hospital under the
 * patient's DID auth and decided by the holders' own rules ({@link ConsentPreview}). Then one button signs.
 */
final class ConsentCheck {
    private final NodeClient nodes;
    private final Clock clock;

    ConsentCheck(NodeClient nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    String page(ConsentDraft draft, Wallet wallet, String csrf, List<String[]> errors) {
        LocalDate today = LocalDate.now(clock);
        ConsentChoices choices = draft.choices(clock.getZone(), today, clock.instant());
        StringBuilder html = new StringBuilder(Html.errorSummary(errors));
        if (draft.replaces != null) {
            html.append(draft.from != null && draft.from.isAfter(today)
                    ? "<p class=\"notice\">You are changing a consent, and the new one starts on "
                            + Html.escape(ConsentWords.day(draft.from)) + ". The old one stops when you sign, so "
                            + "nothing is shared under either until then.</p>"
                    : "<p>You are changing a consent. When you sign, the new one is recorded first and then the "
                            + "old one is stopped, so there is no moment with neither.</p>")
                    .append(changes(draft, choices));
        }
        html.append("<dl class=\"summary\">");
        row(html, "Whose records", HospitalNames.of(draft.holder), draft.replaces == null ? "holder" : null);
        row(html, "Who may see them", String.join(", ", draft.grantees.values()), "grantees");
        row(html, "What for", draft.purposes.stream().map(PlainWords::purpose).collect(Collectors.joining(", ")),
                "purposes");
        row(html, "Which kinds", draft.kinds.isEmpty() ? "All your records"
                : draft.kinds.stream().map(PlainWords::kindName).collect(Collectors.joining(", ")), "kinds");
        row(html, "Kept private", choices.withheld().isEmpty() ? "Nothing: sensitive records are shared too"
                : privateWords(draft), "private");
        row(html, "Starts", draft.from == null || !draft.from.isAfter(today) ? "As soon as you sign"
                : ConsentWords.day(draft.from), "dates");
        row(html, "Ends", draft.until == null ? "When you stop it"
                : "At the end of " + ConsentWords.day(draft.until),
                "dates");
        html.append("</dl><h2>What would be shared</h2>").append(preview(draft, choices, wallet));
        return html.append("<h2>Sign your consent</h2><p>Your wallet signs it with your identity at ")
                .append(Html.escape(HospitalNames.of(draft.holder))).append(". The ledger records it; no record ")
                .append("about your health goes on the ledger.</p><form method=\"post\" action=\"/consents/new/sign\">")
                .append(Forms.csrf(csrf)).append("<input type=\"hidden\" name=\"draft\" value=\"")
                .append(Html.escape(draft.version())).append("\"><button type=\"submit\" class=\"button\" id=\"sign\">")
                .append("Sign and give consent</button></form><p><a href=\"/consents\">Cancel</a></p>").toString();
    }

    /** Try my policy, per group of hospitals and purposes that would get the same. */
    private String preview(ConsentDraft draft, ConsentChoices choices, Wallet wallet) {
        String holder = HospitalNames.of(draft.holder);
        PolicyTrial.Trial trial;
        try {
            trial = PolicyTrial.trial(nodes, wallet, choices, draft.replaces, clock.instant());
        } catch (RuntimeException e) { // refused or unreachable, not a Bundle, or a consent this app cannot read
            return "<div class=\"notice\" role=\"status\" id=\"preview\"><h3>" + Html.escape(holder) + " could not "
                    + "show your records just now</h3><p>So this page cannot show what would be shared. You can "
                    + "still sign: the hospital applies your consent to each request all the same.</p></div>";
        }
        StringBuilder html = new StringBuilder("<div id=\"preview\"><p>Tried on the ")
                .append(PlainWords.records(trial.records())).append(" ").append(Html.escape(holder))
                .append(" keeps about you today, with the same rules the hospital applies to each request:</p>");
        ConsentPreview.byOutcome(trial.answers())
                .forEach((outcome, group) -> html.append(outcome(outcome, group, draft, holder)));
        return html.append("</div>").toString();
    }

    private static String outcome(ConsentPreview.Outcome outcome, List<ConsentPreview.Answer> group,
            ConsentDraft draft, String holder) {
        String who = group.stream().map(a -> draft.grantees.getOrDefault(a.grantee(), HospitalNames.of(a.grantee())))
                .distinct().collect(Collectors.joining(", "));
        String why = group.stream().map(ConsentPreview.Answer::purpose).distinct().map(PlainWords::purpose)
                .collect(Collectors.joining(", "));
        StringBuilder html = new StringBuilder("<div class=\"preview\"><h3>").append(Html.escape(who))
                .append(", for ").append(Html.escape(why)).append("</h3>");
        if (!outcome.permitted()) {
            return html.append("<p><strong>Would receive nothing</strong>: ")
                    .append(Html.escape(PlainWords.denial(outcome.denyReason()))).append(".</p></div>").toString();
        }
        html.append("<p><strong>Would receive ").append(Html.escape(PlainWords.records(outcome.releasedCount())))
                .append("</strong>").append(outcome.releasedCount() == 0 ? "." : ":").append("</p>");
        if (outcome.releasedCount() > 0) {
            html.append("<ul>");
            outcome.released().forEach((type, count) -> html.append("<li>").append(Html.escape(PlainWords.kind(type,
                    count))).append("</li>"));
            html.append("</ul>");
        }
        if (!outcome.withheld().isEmpty()) {
            html.append("<p>Not shared:</p><ul>");
            outcome.withheld().forEach((reason, count) -> html.append("<li>").append(Html.escape(
                    PlainWords.withheld(reason, count, outcome.withheldCategories(), holder))).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</div>").toString();
    }

    /** Before, in words, and whether the change shares more, less, or both. */
    private String changes(ConsentDraft draft, ConsentChoices choices) {
        boolean more = !choices.widerThan(draft.replaced).isEmpty();
        boolean less = !draft.replaced.widerThan(choices).isEmpty();
        String verdict = more && less ? "Your new answers share some things more and some less than before."
                : more ? "Your new answers share more than before: " + String.join(", ",
                        choices.widerThan(draft.replaced)) + "."
                : less ? "Your new answers share less than before."
                : "You have not changed anything yet: use the Change links below.";
        return "<p>Your consent until now: " + Html.escape(ConsentWords.sentence(draft.replaced, clock.getZone()))
                + "</p>"
                + "<p class=\"changes\"><strong>" + Html.escape(verdict) + "</strong></p>";
    }

    private static String privateWords(ConsentDraft draft) {
        List<String> words = new ArrayList<>(draft.kept.stream().map(c -> c.words).toList());
        if (!draft.otherLabels.isEmpty()) {
            words.add(PlainWords.labels(draft.otherLabels.stream().map(Enum::name).toList()));
        }
        return String.join(", ", words);
    }

    private static void row(StringBuilder html, String question, String answer, String step) {
        html.append("<div class=\"summary-row\"><dt>").append(Html.escape(question)).append("</dt><dd>")
                .append(Html.escape(Html.capitalised(answer)))
                .append("</dd><dd class=\"summary-action\">");
        if (step != null) {
            html.append("<a href=\"/consents/new/").append(step).append("\">Change<span class=\"visually-hidden\"> ")
                    .append(Html.escape(question.toLowerCase(Locale.ENGLISH))).append("</span></a>");
        }
        html.append("</dd></div>");
    }

}
