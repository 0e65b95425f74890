package org.medmesh.node.application.consent;

import java.time.Clock;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentMappingException;
import org.medmesh.node.application.consent.ConsentRefusedException.Reason;
import org.medmesh.node.application.port.ConsentDocumentStore;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.consent.ConsentDocument;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;

/**
 * A holder takes in the signed FHIR Consent of a consent on the ledger: kept only if its SHA-256 is the one the
 * patient signed into the grant, so the holder can later show exactly what the patient agreed to.
 */
public final class AcceptConsentDocument {
    private final LedgerClient ledger;
    private final ConsentDocumentStore documents;
    private final Clock clock;

    public AcceptConsentDocument(LedgerClient ledger, ConsentDocumentStore documents, Clock clock) {
        this.ledger = ledger;
        this.documents = documents;
        this.clock = clock;
    }

    public ConsentDocument accept(ConsentId id, byte[] document) {
        Consent consent = ledger.readConsent(id).orElseThrow(() ->
                new ConsentRefusedException(Reason.UNKNOWN_CONSENT, "no such consent on the ledger"));
        try {
            ConsentDocuments.read(document, consent.consentHash());
        } catch (ConsentMappingException e) {
            throw new ConsentRefusedException(Reason.DOCUMENT_MISMATCH, e.getMessage());
        }
        ConsentDocument accepted = new ConsentDocument(id, consent.patient(), consent.consentHash(),
                ConsentDocument.encode(document), clock.instant());
        documents.put(accepted);
        return accepted;
    }
}
