package org.medmesh.patient.web;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.patient.cli.PlainWords;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.Grants;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.Revocations;
import org.medmesh.patient.wallet.Wallet;

/**
 * Giving or changing a consent on the page: the questions ({@link ConsentQuestions}), the check page with the
 * preview ({@link ConsentCheck}), then signing — the same steps as {@code patient consent grant} (signed with the
 * patient's identity at the holder, submitted through the holder's node, kept in the wallet, document delivered,
 * grantees told who the patient is there). A change grants the new consent first, then stops the old one.
 */
final class ConsentFlow {

    /** A page to show, or a redirect. */
    record Screen(int status, String title, String body, String redirect) {
        static Screen show(String title, String body) {
            return new Screen(200, title, body, null);
        }

        static Screen go(String to) {
            return new Screen(303, null, null, to);
        }
    }

    private static final String CHECK = "/consents/new/check";
    private static final String CHECK_TITLE = "Check your consent before you sign it";

    private final NodeClient nodes;
    private final Clock clock;
    private final ConsentQuestions questions;
    private final ConsentCheck check;

    ConsentFlow(NodeClient nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
        this.questions = new ConsentQuestions(nodes);
        this.check = new ConsentCheck(nodes, clock);
    }

    Screen get(String path, PageSessions.Unlocked session, Map<String, String> query) {
        Wallet wallet = session.wallet();
        ConsentDraft draft = session.draft();
        if (draft == null || path.equals("/consents/new")) {
            return Screen.go(draft == null ? "/consents" : CHECK);
        }
        Optional<String> missing = missing(draft);
        if (path.equals(CHECK)) {
            return missing.map(Screen::go).orElseGet(() -> Screen.show(CHECK_TITLE,
                    check.page(draft, wallet, session.csrf(), List.of())));
        }
        ConsentQuestions.Step step = ConsentQuestions.Step.of(path.substring("/consents/new/".length()));
        Optional<Screen> elsewhere = elsewhere(draft, step);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        return Screen.show(step.title, back(draft, step) + questions.page(step, draft, wallet, session.csrf(),
                List.of(), null));
    }

    Screen post(String path, PageSessions.Unlocked session, Map<String, List<String>> form) {
        Wallet wallet = session.wallet();
        if (path.equals("/consents/new")) {
            return start(session, wallet, ConsentQuestions.first(form, "change"));
        }
        ConsentDraft draft = session.draft();
        if (draft == null) {
            return Screen.go("/consents");
        }
        if (path.equals("/consents/new/sign")) {
            Optional<String> missing = missing(draft);
            if (missing.isPresent()) {
                return Screen.go(missing.get());
            }
            // signed what this page showed: another tab may have changed or replaced the draft since
            return draft.version().equals(ConsentQuestions.first(form, "draft")) ? sign(session, draft, wallet)
                    : Screen.go(CHECK);
        }
        ConsentQuestions.Step step = ConsentQuestions.Step.of(path.substring("/consents/new/".length()));
        Optional<Screen> elsewhere = elsewhere(draft, step);
        if (elsewhere.isPresent()) {
            return elsewhere.get();
        }
        List<String[]> errors = questions.answer(step, draft, wallet, form, LocalDate.now(clock));
        if (!errors.isEmpty()) {
            return new Screen(400, "Error: " + step.title, back(draft, step) + questions.page(step, draft, wallet,
                    session.csrf(), errors, form), null);
        }
        draft.answered();
        Optional<String> missing = missing(draft);
        if (draft.checking || step == ConsentQuestions.Step.DATES) {
            draft.checking = true;
            return Screen.go(missing.orElse(CHECK));
        }
        return Screen.go(ConsentQuestions.Step.values()[step.ordinal() + 1].path());
    }

    /** A new draft, or one with the answers of the consent to change; nothing is kept from an earlier draft. */
    private Screen start(PageSessions.Unlocked session, Wallet wallet, String change) {
        if (change == null) {
            session.draft(new ConsentDraft());
            return Screen.go(ConsentQuestions.Step.HOLDER.path());
        }
        Optional<Wallet.HeldConsent> held = ConsentPages.find(wallet, change);
        if (held.isEmpty()) {
            return Screen.show("Change a consent", "<p>Your wallet holds no such consent. <a href=\"/consents\">"
                    + "Back to your consents</a>.</p>");
        }
        boolean changeable = changeable(wallet, held.get());
        session.saved();
        if (!changeable) {
            return Screen.show("Change a consent", "<p>This consent is no longer in force, so there is nothing to "
                    + "change: give a new consent instead.</p><p><a href=\"/consents\">Back to your consents</a></p>");
        }
        Optional<ConsentChoices> old = ConsentChoices.of(ConsentGrant.parse(held.get().consent().grantJws())
                .provision());
        if (old.isEmpty()) {
            return Screen.show("Change a consent", "<p>This consent has a form this page cannot change. Give a "
                    + "new consent with what you want, then stop this one.</p><p><a href=\"/consents\">Back to your "
                    + "consents</a></p>");
        }
        session.draft(ConsentDraft.of(held.get().consent().consentId(), old.get(), clock.getZone(),
                clock.instant()));
        return Screen.go(CHECK);
    }

    private Screen sign(PageSessions.Unlocked session, ConsentDraft draft, Wallet wallet) {
        LocalDate today = LocalDate.now(clock);
        if (draft.until != null && draft.until.isBefore(today)) {
            ConsentQuestions.Step dates = ConsentQuestions.Step.DATES;
            return new Screen(400, "Error: " + dates.title, back(draft, dates) + questions.page(dates, draft, wallet,
                    session.csrf(), List.<String[]>of(ConsentQuestions.error("until-day", "The end has passed: "
                            + "choose a day from today on, or no end")), null), null);
        }
        ConsentChoices choices = draft.choices(clock.getZone(), today, clock.instant());
        if (draft.replaced != null && choices.sameAs(draft.replaced)) {
            return new Screen(400, "Error: " + CHECK_TITLE, check.page(draft, wallet, session.csrf(),
                    List.<String[]>of(ConsentQuestions.error("sign", "You have not changed anything: change an "
                            + "answer, or keep your consent as it is"))), null);
        }
        String holder = HospitalNames.of(draft.holder);
        Optional<URI> node = Enrolments.nodeOf(wallet, draft.holder);
        if (node.isEmpty()) {
            return notGiven("You are no longer enrolled at " + holder + ", so the wallet does not know its node.");
        }
        Grants.Granted granted;
        try {
            granted = Grants.grant(nodes, wallet, node.get(), choices, clock.instant());
        } catch (Grants.Unconfirmed e) {
            session.saved();
            return notGiven(e.absent() ? holder + " did not answer in time, and the ledger does not have your "
                    + "consent: nothing was given. Try again." : holder + " did not answer in time: your consent "
                    + "may or may not have been recorded. Try again later; if both were recorded, you can stop one.");
        } catch (NodeException e) {
            return notGiven(holder + " could not record your consent just now (" + (e.isRefusal() ? "it refused it"
                    : e.reason() == NodeException.Reason.UNREACHABLE ? "it could not be reached"
                    : "its answer was not understood") + "). Nothing was given; try again later.");
        } catch (RuntimeException e) {
            return notGiven("Your answers could not be made into a consent (" + e.getClass().getSimpleName()
                    + "). Nothing was given: check them and try again.");
        }
        session.saved();
        session.draft(null);
        List<String> notes = followUp(wallet, draft, choices, node.get(), granted);
        if (draft.replaces != null && granted.status() != EffectiveStatus.ACTIVE
                && granted.status() != EffectiveStatus.NOT_YET_VALID) {
            notes.add(0, "The ledger says your new consent is " + granted.status().code() + ", so your old consent "
                    + "was not stopped.");
        } else if (draft.replaces != null) {
            try {
                Revocations.revoke(nodes, wallet, draft.holder, node.get(), draft.replaces, clock.instant());
                notes.add(0, "Your old consent is stopped.");
            } catch (NodeException e) {
                notes.add(0, "Your old consent could not be stopped just now, so both apply: stop it on Your "
                        + "consents.");
            }
            session.saved();
        }
        return Screen.show(draft.replaces == null ? "Consent given" : "Consent changed",
                confirmation(draft, choices, granted, notes));
    }

    /** Delivering the document and telling the grantees: failures leave the consent in place, in words. */
    private List<String> followUp(Wallet wallet, ConsentDraft draft, ConsentChoices choices, URI node,
            Grants.Granted granted) {
        List<String> notes = new ArrayList<>();
        String holder = HospitalNames.of(draft.holder);
        Grants.deliver(nodes, node, granted.consent().id(), granted.consent().documentBytes()).ifPresent(e ->
                notes.add(holder + " has not received the signed copy of your consent yet; it still applies."));
        for (Grants.Told told : Grants.linkGrantees(nodes, wallet, choices, clock.instant())) {
            String name = draft.grantees.get(told.grantee());
            if (told.node() == null) {
                notes.add(name + " can ask once you are enrolled there: it does not know you yet.");
            } else if (!told.linked()) {
                notes.add(name + " could not be told who you are at " + holder + " just now, so it cannot ask yet.");
            }
        }
        return notes;
    }

    private static String confirmation(ConsentDraft draft, ConsentChoices choices, Grants.Granted granted,
            List<String> notes) {
        String holder = HospitalNames.of(draft.holder);
        String who = String.join(", ", draft.grantees.values());
        String purposes = String.join(", ", draft.purposes.stream().map(PlainWords::purpose).toList());
        StringBuilder html = new StringBuilder("<div class=\"confirmation\"><h2>")
                .append(Html.escape(who)).append(" can ask ").append(Html.escape(holder)).append(" for your records")
                .append("</h2><p>For ").append(Html.escape(purposes)).append(". The ledger recorded your consent: ")
                .append(granted.status().code().equals("active") ? "it is in force." : Html.escape(
                        granted.status().code()) + ".").append("</p></div>");
        notes.forEach(n -> html.append("<p class=\"notice\">").append(Html.escape(n)).append("</p>"));
        return html.append("<h2>What happens next</h2><p>Each time ").append(Html.escape(who)).append(" asks, ")
                .append(Html.escape(holder)).append(" checks this consent, records the request on the ledger and ")
                .append("shares only what it allows. You see every request under <a href=\"/history\">Who saw my ")
                .append("records</a>, and you can stop this consent at any time under <a href=\"/consents\">Your ")
                .append("consents</a>.</p><details><summary>Details</summary><p>Consent <code>")
                .append(Html.escape(granted.consent().id().value())).append("</code>, which ")
                .append(Html.escape(PlainWords.describe(choices, true))).append("</p></details>").toString();
    }

    private static Screen notGiven(String text) {
        return new Screen(503, "Your consent was not given", "<div class=\"notice\" role=\"alert\"><p>"
                + Html.escape(text) + "</p></div><p><a href=\"" + CHECK + "\">Back to your answers</a> · "
                + "<a href=\"/consents\">Your consents</a></p>", null);
    }

    /** A consent in force or not yet in force, as the ledger says now (as the wallet last knew, if not reachable). */
    private boolean changeable(Wallet wallet, Wallet.HeldConsent held) {
        EffectiveStatus status = held.consent().status();
        Optional<URI> node = Enrolments.nodeOf(wallet, held.hospital());
        if (node.isPresent()) {
            try {
                status = nodes.consent(node.get(), held.consent().consentId()).status();
                wallet.recordConsentStatus(held.hospital(), held.consent().consentId(), status);
            } catch (NodeException e) {
                // the wallet's last word stands
            }
        }
        return status == EffectiveStatus.ACTIVE || status == EffectiveStatus.NOT_YET_VALID;
    }

    /**
     * Where a question's page sends the patient instead, if anywhere: an unknown step or the holder of a consent being
     * changed to the check page, any question before the holder is chosen to that question.
     */
    private static Optional<Screen> elsewhere(ConsentDraft draft, ConsentQuestions.Step step) {
        if (step == null || step == ConsentQuestions.Step.HOLDER && draft.replaces != null) {
            return Optional.of(Screen.go(CHECK));
        }
        if (step != ConsentQuestions.Step.HOLDER && draft.holder == null) {
            return Optional.of(Screen.go(ConsentQuestions.Step.HOLDER.path()));
        }
        return Optional.empty();
    }

    /** The first question without an answer, if any. */
    private static Optional<String> missing(ConsentDraft draft) {
        if (draft.holder == null) {
            return Optional.of(ConsentQuestions.Step.HOLDER.path());
        }
        if (draft.grantees.isEmpty()) {
            return Optional.of(ConsentQuestions.Step.GRANTEES.path());
        }
        return Optional.empty();
    }

    private static String back(ConsentDraft draft, ConsentQuestions.Step step) {
        String to = draft.checking ? CHECK : step.ordinal() == 0 ? "/consents"
                : ConsentQuestions.Step.values()[step.ordinal() - 1].path();
        return "<p><a class=\"back-link\" href=\"" + to + "\">Back</a></p>";
    }
}
