package org.medmesh.node.application.port;

import java.util.Optional;
import org.medmesh.node.domain.consent.ConsentDocument;
import org.medmesh.consent.ledger.ConsentId;

/** The signed FHIR Consents this node holds, exactly as delivered. A document once stored is never replaced. */
public interface ConsentDocumentStore {

    /** Stores the document; storing the same document again is a no-op. */
    void put(ConsentDocument document);

    Optional<ConsentDocument> find(ConsentId id);
}
