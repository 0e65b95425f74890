package org.medmesh.patient.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.node.ConsentView;
import org.medmesh.patient.node.NodeIdentity;
import org.medmesh.patient.node.Revocations;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/** {@code patient consent list | status | revoke | deliver}. */
public final class ConsentCommands {

    private ConsentCommands() {}

    static int list(Session session) {
        try (Wallet wallet = session.openWallet()) {
            boolean any = false;
            for (Did hospital : wallet.hospitals()) {
                List<SignedConsent> consents = wallet.consents(hospital);
                if (consents.isEmpty()) {
                    continue;
                }
                any = true;
                session.say("Held by " + PlainWords.hospital(hospital, session.details()) + ":");
                for (SignedConsent consent : consents) {
                    session.say("  " + consent.consentId() + " " + consent.status().code() + ": "
                            + summary(consent, session.details()));
                }
            }
            if (!any) {
                session.say("No consents yet: grant one with `patient consent grant --node URL --to DID|URL`.");
                return PatientCli.OK;
            }
            session.say("Statuses are as last seen; `patient consent status --id ID --node URL` asks the ledger.");
            return PatientCli.OK;
        }
    }

    /** The choices a signed grant states, in words; the wallet only holds grants it signed, so they parse. */
    public static String summary(SignedConsent consent, boolean details) {
        try {
            Optional<ConsentChoices> choices = ConsentChoices.of(ConsentGrant.parse(consent.grantJws()).provision());
            return choices.map(c -> PlainWords.describe(c, details))
                    .orElse("a consent of a form this app does not summarise");
        } catch (ChaincodeException e) {
            return "a consent this app cannot read";
        }
    }

    static int status(Session session) {
        ConsentId id = session.consentId();
        URI node = session.node();
        try (Wallet wallet = session.openWallet()) {
            ConsentView view = session.nodes().consent(node, id);
            Optional<Wallet.HeldConsent> held = wallet.findConsent(id);
            held.ifPresent(h -> wallet.recordConsentStatus(h.hospital(), id, view.status()));
            StringBuilder line = new StringBuilder("Consent " + id + ": " + view.status().code());
            if (view.grantedAt() != null) {
                line.append(", granted ").append(PlainWords.instant(view.grantedAt()));
            }
            if (view.revokedAt() != null) {
                line.append(", revoked ").append(PlainWords.instant(view.revokedAt()));
            }
            session.say(line + (held.isPresent() ? "." : " (this wallet does not hold it)."));
            return PatientCli.OK;
        }
    }

    static int revoke(Session session) {
        ConsentId id = session.consentId();
        URI node = session.node();
        try (Wallet wallet = session.openWallet()) {
            Did signer = signerFor(session, wallet, id, node);
            EffectiveStatus status = Revocations.revoke(session.nodes(), wallet, signer, node, id, session.now());
            session.say("Consent " + id + " is " + status.code() + ": "
                    + (status == EffectiveStatus.REVOKED ? "no hospital may use it from now on."
                            : "check its status."));
            return PatientCli.OK;
        }
    }

    /**
     * The hospital whose pairwise DID signed the consent: from the wallet, or, for a consent the wallet does not hold
     * (a grant whose answer was lost), the node's hospital, if the wallet has an identity there.
     */
    private static Did signerFor(Session session, Wallet wallet, ConsentId id, URI node) {
        Optional<Wallet.HeldConsent> held = wallet.findConsent(id);
        if (held.isPresent()) {
            return held.get().hospital();
        }
        NodeIdentity hospital = session.nodes().identity(node);
        if (!wallet.hospitals().contains(hospital.did())) {
            throw CliFailure.failed("the wallet holds no consent " + id + " and no identity at " + hospital.label());
        }
        return hospital.did();
    }

    static int deliver(Session session) {
        ConsentId id = session.consentId();
        URI node = session.node();
        try (Wallet wallet = session.openWallet()) {
            SignedConsent consent = wallet.findConsent(id).map(Wallet.HeldConsent::consent)
                    .orElseThrow(() -> CliFailure.failed("the wallet holds no consent " + id));
            NodeIdentity hospital = session.nodes().identity(node);
            byte[] document = consent.consentJson().getBytes(StandardCharsets.UTF_8);
            Optional<String> failure =
                    ConsentSteps.deliver(session, node, id, document, hospital.label(), consent.status());
            if (failure.isPresent()) {
                throw CliFailure.failed(failure.get());
            }
            session.say("The signed consent " + id + " was delivered to " + hospital.label() + ".");
            return PatientCli.OK;
        }
    }
}
