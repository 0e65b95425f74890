package org.medmesh.patient.node;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.medmesh.chaincode.consent.ConsentId;
import org.medmesh.chaincode.consent.EffectiveStatus;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.consent.decision.HeldRecord;
import org.medmesh.patient.consent.ConsentChoices;
import org.medmesh.patient.consent.ConsentPreview;
import org.medmesh.patient.wallet.PatientIdentity;
import org.medmesh.patient.wallet.SignedConsent;
import org.medmesh.patient.wallet.Wallet;

/**
 * "Try my policy" against a real hospital, the same for the page and the command line: the records the holder keeps
 * for the patient (read by the patient, DID auth), the patient's other consents there as the ledger sees them now,
 * and {@link ConsentPreview} over them.
 */
public final class PolicyTrial {
    private PolicyTrial() {}

    /** What a draft would share: how many records the holder keeps, and the answer per hospital and purpose. */
    public record Trial(int records, List<ConsentPreview.Answer> answers) {}

    /**
     * Tries {@code draft} on the records its holder keeps today.
     *
     * @param replaces a consent the draft would replace (left out of the others), or null
     * @throws NodeException if the holder refuses or cannot be reached
     * @throws IllegalStateException if the patient is not enrolled there, or the node speaks for another hospital
     */
    public static Trial trial(NodeClient nodes, Wallet wallet, ConsentChoices draft, ConsentId replaces,
            Instant now) {
        List<HeldRecord> records = RecordsSummary.held(ownRecords(nodes, wallet, draft.holder(), now).bundle());
        List<ConsentPreview.Answer> answers = ConsentPreview.preview(draft, wallet.identityFor(draft.holder()).did(),
                others(nodes, wallet, draft.holder(), replaces), records, now);
        return new Trial(records.size(), answers);
    }

    /**
     * Everything one hospital holds about the patient, as it sent it (a FHIR Bundle): a one-time challenge of the
     * hospital's node, answered with the wallet's identity there — never for another hospital.
     *
     * @throws NodeException if the node refuses or cannot be reached
     * @throws IllegalStateException if the patient is not enrolled there, or the node speaks for another hospital
     */
    public static OwnRecords ownRecords(NodeClient nodes, Wallet wallet, Did hospital, Instant now) {
        URI node = Enrolments.nodeOf(wallet, hospital)
                .orElseThrow(() -> new IllegalStateException("you are not enrolled there"));
        if (!nodes.identity(node).did().equals(hospital)) {
            throw new IllegalStateException("the node at that address is another hospital's now");
        }
        PatientIdentity patient = wallet.identityFor(hospital);
        RecordsChallenge challenge = nodes.recordsChallenge(node, patient.did());
        if (!challenge.audience().equals(hospital)) {
            throw new IllegalStateException("the hospital asked for a signature for another hospital; nothing was "
                    + "signed");
        }
        return nodes.records(node, challenge.challenge(), patient.signedChallengeResponse(hospital.value(),
                challenge.challenge(), now));
    }

    /**
     * The patient's other consents at the holder, as the ledger sees them now where the holder answers (else as the
     * wallet last knew): the holder decides on all of them, and a deny in one of them still withholds.
     */
    private static List<ConsentPreview.OtherConsent> others(NodeClient nodes, Wallet wallet, Did holder,
            ConsentId replaces) {
        URI node = Enrolments.nodeOf(wallet, holder).orElse(null);
        List<ConsentPreview.OtherConsent> others = new ArrayList<>();
        for (SignedConsent consent : wallet.consents(holder)) {
            if (consent.consentId().equals(replaces)) {
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
}
