package org.medmesh.patient.web;

import java.net.URI;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.node.Enrolments;
import org.medmesh.patient.node.NodeClient;
import org.medmesh.patient.node.NodeException;
import org.medmesh.patient.node.Revocations;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/**
 * "Your consents": each consent in plain words with its last-known status, and stopping one — a question page, a
 * button, then what happens next (one thing per page). The revocation is signed by the wallet with the patient's
 * identity at the hospital that holds the records and sent through that hospital's node.
 */
final class ConsentPages {
    private final NodeClient nodes;
    private final Clock clock;

    ConsentPages(NodeClient nodes, Clock clock) {
        this.nodes = nodes;
        this.clock = clock;
    }

    String list(Wallet wallet, String csrf) {
        StringBuilder html = new StringBuilder("<p>The permissions you gave hospitals to see your records. You can "
                + "change or stop any of them at any time.</p><form method=\"post\" action=\"/consents/new\">"
                + Forms.csrf(csrf) + "<button type=\"submit\" class=\"button\" id=\"new-consent\">Give a new consent"
                + "</button></form>");
        boolean any = false;
        for (Did hospital : wallet.hospitals().stream().sorted(Comparator.comparing(Did::value)).toList()) {
            List<SignedConsent> consents = wallet.consents(hospital);
            if (consents.isEmpty()) {
                continue;
            }
            any = true;
            html.append("<h2>Records held by ").append(Html.escape(HospitalNames.of(hospital))).append("</h2><ul>");
            for (SignedConsent consent : consents) {
                html.append("<li><p>").append(Html.escape(ConsentWords.sentence(consent, clock.getZone())))
                        .append(" <strong>").append(Html.escape(status(consent.status()))).append("</strong></p>");
                if (consent.status() == EffectiveStatus.ACTIVE || consent.status() == EffectiveStatus.NOT_YET_VALID) {
                    html.append("<form method=\"post\" action=\"/consents/new\" class=\"inline\">")
                            .append(Forms.csrf(csrf)).append("<input type=\"hidden\" name=\"change\" value=\"")
                            .append(Html.escape(consent.consentId().value())).append("\"><button type=\"submit\" ")
                            .append("class=\"button secondary\">Change this consent</button></form>")
                            .append("<p><a href=\"/consents/stop?id=").append(Html.escape(consent.consentId().value()))
                            .append("\">Stop this consent</a></p>");
                }
                html.append("<details><summary>Details</summary><p>Consent <code>")
                        .append(Html.escape(consent.consentId().value())).append("</code></p></details></li>");
            }
            html.append("</ul>");
        }
        if (!any) {
            html.append("<p>You have not given any consent yet: no hospital may see another's records about you, "
                    + "except in an emergency.</p>");
        }
        return html.toString();
    }

    /** The question page: stop this consent? */
    String confirm(Wallet wallet, String id, String csrf) {
        Optional<Wallet.HeldConsent> held = find(wallet, id);
        if (held.isEmpty()) {
            return "<p>Your wallet holds no such consent. <a href=\"/consents\">Back to your consents</a>.</p>";
        }
        return "<p>" + Html.escape(ConsentWords.sentence(held.get().consent(), clock.getZone())) + "</p>"
                + "<p>If you stop it, no hospital may use it from the moment the ledger records your decision; the "
                + "next request that relied on it is refused. Records already shared stay where they are.</p>"
                + "<form method=\"post\" action=\"/consents/stop\"><input type=\"hidden\" name=\"csrf\" value=\""
                + Html.escape(csrf) + "\"><input type=\"hidden\" name=\"id\" value=\"" + Html.escape(id) + "\">"
                + "<button type=\"submit\" class=\"button\">Stop this consent</button></form>"
                + "<p><a href=\"/consents\">No, keep it</a></p>";
    }

    /** Signs and sends the revocation; the answer page says what happened. */
    String stop(Wallet wallet, String id) {
        Optional<Wallet.HeldConsent> held = find(wallet, id);
        if (held.isEmpty()) {
            return "<p>Your wallet holds no such consent. <a href=\"/consents\">Back to your consents</a>.</p>";
        }
        Did hospital = held.get().hospital();
        Optional<URI> node = Enrolments.nodeOf(wallet, hospital);
        if (node.isEmpty()) {
            return notice("You are not enrolled at " + HospitalNames.of(hospital) + " any more, so the wallet does "
                    + "not know its node.");
        }
        try {
            EffectiveStatus status = Revocations.revoke(nodes, wallet, hospital, node.get(),
                    held.get().consent().consentId(), clock.instant());
            return "<div class=\"confirmation\"><h2>Consent stopped</h2><p>The ledger recorded your decision: "
                    + Html.escape(status(status)) + ". No hospital may use this consent from now on.</p></div>"
                    + "<p><a href=\"/history\">See who saw your records</a> · <a href=\"/consents\">Your consents</a>"
                    + "</p>";
        } catch (NodeException e) {
            if (e.reason() == NodeException.Reason.NO_ANSWER) {
                return notice(HospitalNames.of(hospital) + " did not answer in time: your decision may or may not "
                        + "have been recorded. Stop the consent again to be sure — if it was recorded, nothing more "
                        + "happens.");
            }
            return notice(HospitalNames.of(hospital) + " could not record your decision just now. Nothing was "
                    + "changed: the consent still stands. Try again later.");
        }
    }

    private static String notice(String text) {
        return "<div class=\"notice\" role=\"alert\"><h2>The consent was not stopped</h2><p>" + Html.escape(text)
                + "</p></div><p><a href=\"/consents\">Back to your consents</a></p>";
    }

    /** The wallet's consent of this id, if the text is one and the wallet holds it. */
    static Optional<Wallet.HeldConsent> find(Wallet wallet, String id) {
        try {
            return wallet.findConsent(ConsentId.parse(id == null ? "" : id));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String status(EffectiveStatus status) {
        return switch (status) {
            case ACTIVE -> "In force";
            case REVOKED -> "Stopped";
            case EXPIRED -> "Ended";
            case NOT_YET_VALID -> "Not in force yet";
            case INACTIVE -> "Not in force";
        };
    }

}
