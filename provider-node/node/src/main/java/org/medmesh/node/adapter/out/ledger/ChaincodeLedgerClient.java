package org.medmesh.node.adapter.out.ledger;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.medmesh.node.application.port.LedgerClient;
import org.medmesh.node.application.port.LedgerClientException;
import org.medmesh.node.application.port.LedgerErrorCode;
import org.medmesh.node.domain.ledger.AccessEvent;
import org.medmesh.node.domain.ledger.AuditAnchor;
import org.medmesh.consent.ledger.Consent;
import org.medmesh.consent.ledger.ConsentId;
import org.medmesh.consent.ledger.Did;
import org.medmesh.node.domain.ledger.DidDocument;
import org.medmesh.node.domain.ledger.LedgerReceipt;
import org.medmesh.node.domain.ledger.OrganizationRegistration;
import org.medmesh.node.domain.ledger.Page;
import org.medmesh.node.domain.ledger.PageRequest;
import org.medmesh.node.domain.ledger.SignedOperation;
import org.medmesh.node.domain.ledger.TimeRange;

/**
 * The ledger port over MedMesh's chaincode: which transaction each operation is, with which arguments, and what
 * its answer means. Subclasses only carry transactions to a ledger (embedded, or a Fabric network) and map its
 * failures to {@link LedgerClientException}.
 */
public abstract class ChaincodeLedgerClient implements LedgerClient {
    private final Did organization;

    protected ChaincodeLedgerClient(Did organization) {
        this.organization = Objects.requireNonNull(organization, "organization");
    }

    /** A committed transaction: id, block and the chaincode's answer. */
    public record Committed(String txId, long blockNumber, String payload) {}

    /** Endorses, orders and waits for commit; throws {@link LedgerClientException} on refusal or failure. */
    protected abstract Committed submit(String function, String... args);

    /** A read-only query; throws {@link LedgerClientException} on refusal or failure. */
    protected abstract String evaluate(String function, String... args);

    @Override
    public Did organization() {
        return organization;
    }

    @Override
    public LedgerReceipt registerOrganization(OrganizationRegistration registration) {
        return receipt(submit("identity:registerOrganization", ChaincodeJson.organization(registration, null)));
    }

    @Override
    public LedgerReceipt updateOrganization(OrganizationRegistration registration, long previousVersion) {
        return receipt(submit("identity:updateOrganization",
                ChaincodeJson.organization(registration, previousVersion)));
    }

    @Override
    public LedgerReceipt registerPatient(SignedOperation create) {
        return receipt(submit("identity:registerPatient", create.compactJws()));
    }

    @Override
    public LedgerReceipt rotatePatientKeys(SignedOperation rotate) {
        return receipt(submit("identity:rotatePatientKeys", rotate.compactJws()));
    }

    @Override
    public LedgerReceipt deactivatePatient(SignedOperation deactivate) {
        return receipt(submit("identity:deactivate", deactivate.compactJws()));
    }

    @Override
    public Optional<DidDocument> resolve(Did did) {
        return unlessNotFound(() -> ChaincodeJson.didDocument(evaluate("identity:resolve", did.value())));
    }

    @Override
    public Consent grantConsent(SignedOperation grant) {
        return ChaincodeJson.consent(ChaincodeJson.parse(submit("consent:grant", grant.compactJws()).payload()));
    }

    @Override
    public Consent revokeConsent(SignedOperation revoke) {
        return ChaincodeJson.consent(ChaincodeJson.parse(submit("consent:revoke", revoke.compactJws()).payload()));
    }

    @Override
    public Optional<Consent> readConsent(ConsentId id) {
        return unlessNotFound(() -> ChaincodeJson.consent(ChaincodeJson.parse(evaluate("consent:read", id.value()))));
    }

    @Override
    public Page<Consent> consentsByPatient(Did patient, PageRequest page) {
        return ChaincodeJson.page(evaluate("consent:listByPatient", patient.value(), size(page), page.bookmark()),
                ChaincodeJson::consent);
    }

    @Override
    public Page<Consent> consentsByGrantee(Did grantee, PageRequest page) {
        return ChaincodeJson.page(evaluate("consent:listByGrantee", grantee.value(), size(page), page.bookmark()),
                ChaincodeJson::consent);
    }

    @Override
    public LedgerReceipt recordAccess(AccessEvent event) {
        return receipt(submit("accesslog:record", ChaincodeJson.accessEvent(event)));
    }

    @Override
    public Page<AccessEvent> accessByPatient(Did patient, TimeRange range, PageRequest page) {
        return accessQuery("accesslog:queryByPatient", patient, range, page);
    }

    @Override
    public Page<AccessEvent> accessByRequester(Did requester, TimeRange range, PageRequest page) {
        return accessQuery("accesslog:queryByRequester", requester, range, page);
    }

    @Override
    public Page<AccessEvent> accessByHolder(Did holder, TimeRange range, PageRequest page) {
        return accessQuery("accesslog:queryByHolder", holder, range, page);
    }

    @Override
    public LedgerReceipt anchorAuditBatch(AuditAnchor anchor) {
        return receipt(submit("accesslog:anchorBatch", ChaincodeJson.anchor(anchor)));
    }

    @Override
    public Optional<AuditAnchor> readAnchor(Did holder, String batchId) {
        return unlessNotFound(() -> ChaincodeJson.anchor(ChaincodeJson.parse(
                evaluate("accesslog:readAnchor", holder.value(), batchId))));
    }

    private Page<AccessEvent> accessQuery(String function, Did did, TimeRange range, PageRequest page) {
        return ChaincodeJson.page(evaluate(function, did.value(), range.from().toString(), range.to().toString(),
                size(page), page.bookmark()), ChaincodeJson::accessEvent);
    }

    private static String size(PageRequest page) {
        return Integer.toString(page.size());
    }

    private static LedgerReceipt receipt(Committed committed) {
        return new LedgerReceipt(committed.txId(), committed.blockNumber());
    }

    private static <T> Optional<T> unlessNotFound(Supplier<T> query) {
        try {
            return Optional.of(query.get());
        } catch (LedgerClientException e) {
            if (e.code() == LedgerErrorCode.NOT_FOUND || e.code() == LedgerErrorCode.UNKNOWN_DID) {
                return Optional.empty();
            }
            throw e;
        }
    }
}
