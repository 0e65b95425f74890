package org.medmesh.patient.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.stream.Collectors;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.consent.decision.HeldRecord;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentPreview;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.RecordsSummary;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/**
 * "Check your consent": the answers in plain words, each with a link to change it, and "try my policy" — exactly
 * which of the records the hospital keeps would reach each hospital named, read from the hospital under the
 * patient's DID auth and decided by the holders' own rules ({@link ConsentPreview}). Then one button signs.
 */
final class ConsentCheck {
    private final NodeClient nodes;
    private final Pages pages;
    private final Clock clock;

    ConsentCheck(NodeClient nodes, Pages pages, Clock clock) {
        this.nodes = nodes;
        this.pages = pages;
        this.clock = clock;
    }

    String page(ConsentDraft draft, Wallet wallet, String csrf, List<String[]> errors) {
        LocalDate today = LocalDate.now(clock);
        ConsentChoices choices = draft.choices(clock.getZone(), today, clock.instant());
        StringBuilder html = new StringBuilder(Html.errorSummary(errors));
        if (draft.replaces != null) {
            html.append(draft.from != null && draft.from.isAfter(today)
                    ? "<p class=\"notice\">You are changing a consent, and the new one starts on "
                            + Html.escape(day(draft.from)) + ". The old one stops when you sign, so nothing is "
                            + "shared under either until then.</p>"
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
                : day(draft.from), "dates");
        row(html, "Ends", draft.until == null ? "When you stop it" : "At the end of " + day(draft.until),
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
        List<HeldRecord> records;
        try {
            records = RecordsSummary.held(pages.ownRecords(wallet, draft.holder).bundle());
        } catch (RuntimeException e) { // the node refused or is unreachable, or sent what is not a Bundle
            return "<div class=\"notice\" role=\"status\" id=\"preview\"><h3>" + Html.escape(holder) + " could not "
                    + "show your records just now</h3><p>So this page cannot show what would be shared. You can "
                    + "still sign: the hospital applies your consent to each request all the same.</p></div>";
        }
        List<ConsentPreview.Answer> answers;
        try {
            answers = ConsentPreview.preview(choices, wallet.identityFor(draft.holder).did(), others(wallet, draft),
                    records, clock.instant());
        } catch (RuntimeException e) {
            return "<div class=\"notice\" role=\"status\" id=\"preview\"><h3>What would be shared cannot be shown"
                    + "</h3><p>One of your consents at " + Html.escape(holder) + " could not be read by this app ("
                    + Html.escape(e.getClass().getSimpleName()) + "). You can still sign: the hospital applies your "
                    + "consents to each request all the same.</p></div>";
        }
        Map<ConsentPreview.Outcome, List<ConsentPreview.Answer>> groups = new LinkedHashMap<>();
        answers.forEach(a -> groups.computeIfAbsent(a.outcome(), o -> new ArrayList<>()).add(a));
        StringBuilder html = new StringBuilder("<div id=\"preview\"><p>Tried on the ").append(records.size())
                .append(records.size() == 1 ? " record " : " records ").append(Html.escape(holder))
                .append(" keeps about you today, with the same rules the hospital applies to each request:</p>");
        groups.forEach((outcome, group) -> html.append(outcome(outcome, group, draft, holder)));
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
                    PlainWords.records(count) + " " + withheld(reason, outcome, holder))).append("</li>"));
            html.append("</ul>");
        }
        return html.append("</div>").toString();
    }

    private static String withheld(ConsentPreview.Withheld reason, ConsentPreview.Outcome outcome, String holder) {
        return switch (reason) {
            case RECEIVED -> holder + " received from other hospitals (never passed on)";
            case KIND_NOT_CHOSEN -> "of kinds you did not choose";
            case SENSITIVE -> "marked " + PlainWords.labels(outcome.withheldCategories()) + " (kept private)";
            case OTHER_CONSENT -> "kept private by another of your consents";
        };
    }

    /**
     * The patient's other consents at the holder, as the ledger sees them now where the holder answers (else as
     * the wallet last knew): the holders decide on all of them, and a deny in one of them still withholds.
     */
    private List<ConsentPreview.OtherConsent> others(Wallet wallet, ConsentDraft draft) {
        URI node = wallet.enrolment(draft.holder).map(e -> URI.create(e.serviceEndpoint().url())).orElse(null);
        List<ConsentPreview.OtherConsent> others = new ArrayList<>();
        for (SignedConsent consent : wallet.consents(draft.holder)) {
            if (consent.consentId().equals(draft.replaces)) {
                continue;
            }
            EffectiveStatus status = consent.status();
            if (node != null && status != EffectiveStatus.REVOKED) {
                try {
                    status = nodes.consent(node, consent.consentId()).status();
                } catch (NodeException e) {
                    // the wallet's last word on it stands
                }
            }
            others.add(new ConsentPreview.OtherConsent(consent.grantJws(), status));
        }
        return others;
    }

    /** Before, in words, and whether the change shares more, less, or both. */
    private static String changes(ConsentDraft draft, ConsentChoices choices) {
        boolean more = !choices.widerThan(draft.replaced).isEmpty();
        boolean less = !draft.replaced.widerThan(choices).isEmpty();
        String verdict = more && less ? "Your new answers share some things more and some less than before."
                : more ? "Your new answers share more than before: " + String.join(", ",
                        choices.widerThan(draft.replaced)) + "."
                : less ? "Your new answers share less than before."
                : "You have not changed anything yet: use the Change links below.";
        return "<p>Before, your consent " + Html.escape(PlainWords.describe(draft.replaced, false)) + ".</p>"
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

    static String day(LocalDate day) {
        return day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
    }
}
