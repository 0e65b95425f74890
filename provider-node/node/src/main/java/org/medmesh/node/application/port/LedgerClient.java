package org.medmesh.node.application.port;

import java.util.Optional;
import java.util.function.Consumer;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.AuditAnchor;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.EventCheckpoint;
import org.medmesh.node.domain.ledger.LedgerEvent;
import org.medmesh.node.domain.ledger.LedgerReceipt;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.node.domain.ledger.TimeRange;

/**
 * The permissioned ledger as the node sees it, acting as its own organisation. Writes ({@code register…},
 * {@code grant…}, {@code record…}) return once committed; reads never write. Every refusal or failure is a
 * {@link LedgerClientException} with a {@link LedgerErrorCode}; a refused write changed nothing.
 */
public interface LedgerClient extends AutoCloseable {

    /** The organisation this client acts as. */
    Did organization();

    /** The number of committed blocks: where event delivery starts for a subscriber that wants only new events. */
    long height();

    LedgerReceipt registerOrganization(OrganizationRegistration registration);

    LedgerReceipt updateOrganization(OrganizationRegistration registration, long previousVersion);

    /** Relays a patient's self-signed DID creation. */
    LedgerReceipt registerPatient(SignedOperation create);

    /** Relays a patient's key rotation (signed by the current or the recovery key). */
    LedgerReceipt rotatePatientKeys(SignedOperation rotate);

    LedgerReceipt deactivatePatient(SignedOperation deactivate);

    Optional<DidDocument> resolve(Did did);

    /** Relays a patient's signed consent grant; returns the committed consent. */
    Consent grantConsent(SignedOperation grant);

    Consent revokeConsent(SignedOperation revoke);

    Optional<Consent> readConsent(ConsentId id);

    Page<Consent> consentsByPatient(Did patient, PageRequest page);

    Page<Consent> consentsByGrantee(Did grantee, PageRequest page);

    /**
     * Records an access decision as the holder. A permit is checked against the consent in the same transaction,
     * so a revocation committed first refuses it ({@link LedgerErrorCode#REVOKED}).
     */
    LedgerReceipt recordAccess(AccessEvent event);

    Page<AccessEvent> accessByPatient(Did patient, TimeRange range, PageRequest page);

    Page<AccessEvent> accessByRequester(Did requester, TimeRange range, PageRequest page);

    Page<AccessEvent> accessByHolder(Did holder, TimeRange range, PageRequest page);

    LedgerReceipt anchorAuditBatch(AuditAnchor anchor);

    Optional<AuditAnchor> readAnchor(Did holder, String batchId);

    /**
     * Delivers events of valid transactions after {@code from}, in commit order, on a thread of its own. Delivery
     * is at least once across restarts: a handler stores {@link EventCheckpoint#after} each event together with
     * its effect and resumes from the stored checkpoint.
     */
    Subscription subscribe(EventCheckpoint from, Consumer<LedgerEvent> handler);

    @Override
    void close();

    /** A running event subscription. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
