package org.medmesh.node.application.consent;

import java.time.Clock;
import org.medmesh.chaincode.consent.ConsentGrant;
import org.medmesh.chaincode.consent.Provision;
import org.medmesh.fhir.consent.ConsentDocuments;
import org.medmesh.fhir.consent.ConsentMapper;
import org.medmesh.fhir.consent.ConsentMappingException;
import org.medmesh.node.application.consent.ConsentRefusedException.Reason;
import org.medmesh.node.application.port.ConsentDocumentStore;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.domain.consent.ConsentDocument;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.node.domain.ledger.SignedOperation;

/**
 * Relays a patient's signed consent grant to the ledger, with the signed FHIR Consent it covers. Before anything
 * is submitted the node checks that the document is the one the grant hashes and that it says exactly what the
 * grant's provision tree says — a wallet bug or a tampered document is refused here, with nothing written. The
 * patient's signature itself is the chaincode's to check: a relay can neither forge nor alter a grant.
 */
public final class SubmitConsent {
    private final LedgerClient ledger;
    private final ConsentDocumentStore documents;
    private final Clock clock;

    public SubmitConsent(LedgerClient ledger, ConsentDocumentStore documents, Clock clock) {
        this.ledger = ledger;
        this.documents = documents;
        this.clock = clock;
    }

    /** Returns the consent as committed; the document is kept with it. */
    public Consent submit(String grantJws, byte[] document) {
        ConsentGrant grant = parse(grantJws);
        Provision documented = provisionOf(document, grant);
        if (!documented.equals(grant.provision())) {
            throw new ConsentRefusedException(Reason.DOCUMENT_MISMATCH,
                    "the signed Consent and the grant do not say the same thing");
        }
        Consent committed = ledger.grantConsent(new SignedOperation(grantJws));
        documents.put(new ConsentDocument(committed.id(), committed.patient(), grant.consentHash(),
                ConsentDocument.encode(document), clock.instant()));
        return committed;
    }

    private static ConsentGrant parse(String grantJws) {
        try {
            return ConsentGrant.parse(grantJws);
        } catch (RuntimeException e) {
            // The chaincode's own parser: its refusals name the field, never a value.
            throw new ConsentRefusedException(Reason.MALFORMED, "the grant is not a signed consent grant: "
                    + e.getMessage());
        }
    }

    private static Provision provisionOf(byte[] document, ConsentGrant grant) {
        org.hl7.fhir.r4.model.Consent consent;
        try {
            consent = ConsentDocuments.read(document, grant.consentHash());
        } catch (ConsentMappingException e) {
            throw new ConsentRefusedException(Reason.DOCUMENT_MISMATCH, e.getMessage());
        }
        try {
            if (!ConsentMapper.headerOf(consent).patient().equals(grant.patient())) {
                throw new ConsentRefusedException(Reason.DOCUMENT_MISMATCH,
                        "the signed Consent names another patient than the grant");
            }
            return ConsentMapper.toProvision(consent);
        } catch (ConsentMappingException e) {
            throw new ConsentRefusedException(Reason.NOT_EXPRESSIBLE, e.getMessage());
        }
    }
}
