package org.medmesh.chaincode.consent;

import static org.medmesh.chaincode.error.Refusals.refuse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.DidRecord;
import org.medmesh.chaincode.identity.PatientSignatures;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.state.LedgerState;
import org.medmesh.chaincode.state.Pages;

/**
 * Patient consent on the ledger. Grants and revocations are JWS signed by the patient's current signing key as
 * the ledger knows it, so the relaying organisation can neither forge nor alter them.
 */
@Contract(name = "consent", info = @Info(title = "MedMesh consent", version = "1"))
public class ConsentContract implements ContractInterface {

    static final String GRANTED = "ConsentGranted";
    static final String REVOKED = "ConsentRevoked";

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String grant(Context ctx, String jws) {
        ConsentGrant grant = ConsentGrant.parse(jws);
        Consents consents = new Consents(new LedgerState(ctx));
        DidRecord patient = consents.activePatient(grant.patient());
        PatientSignatures.requireSignedBySigningKey(grant.jws(), patient);
        consents.find(grant.id()).ifPresent(existing -> {
            throw existing.revoked()
                    ? refuse(ErrorCode.REVOKED, "this grant was revoked and cannot be granted again")
                    : refuse(ErrorCode.DUPLICATE, "consent already exists");
        });
        ConsentRecord record = ConsentRecord.granted(grant, consents.now());
        consents.insert(record);
        ObjectNode event = CanonicalJson.object();
        event.put("consentId", record.id().value());
        event.put("patient", record.patient().value());
        ArrayNode grantees = event.putArray("grantees");
        record.provision().grantees().forEach(g -> grantees.add(g.value()));
        new LedgerState(ctx).emit(GRANTED, event);
        return CanonicalJson.write(consents.view(record));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String revoke(Context ctx, String jws) {
        ConsentRevocation revocation = ConsentRevocation.parse(jws);
        Consents consents = new Consents(new LedgerState(ctx));
        ConsentRecord record = consents.require(revocation.consentId());
        if (!record.patient().equals(revocation.patient())) {
            throw refuse(ErrorCode.NOT_OWNER, "consent belongs to another patient");
        }
        DidRecord patient = consents.activePatient(revocation.patient());
        PatientSignatures.requireSignedBySigningKey(revocation.jws(), patient);
        if (record.revoked()) {
            throw refuse(ErrorCode.REVOKED, "consent is already revoked");
        }
        ConsentRecord revoked = record.revoke(revocation, consents.now());
        consents.update(revoked);
        ObjectNode event = CanonicalJson.object();
        event.put("consentId", revoked.id().value());
        event.put("patient", revoked.patient().value());
        new LedgerState(ctx).emit(REVOKED, event);
        return CanonicalJson.write(consents.view(revoked));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String read(Context ctx, String consentId) {
        Consents consents = new Consents(new LedgerState(ctx));
        return CanonicalJson.write(consents.view(consents.require(ConsentId.parse(consentId))));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listByPatient(Context ctx, String did, String pageSize, String bookmark) {
        return list(ctx, Consents.BY_PATIENT, Did.parsePatient(did), pageSize, bookmark);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String listByGrantee(Context ctx, String orgDid, String pageSize, String bookmark) {
        return list(ctx, Consents.BY_GRANTEE, Did.parseOrganization(orgDid), pageSize, bookmark);
    }

    private static String list(Context ctx, String index, Did did, String pageSize, String bookmark) {
        int size = Pages.pageSize(pageSize);
        Consents consents = new Consents(new LedgerState(ctx));
        CompositeKey partial = ctx.getStub().createCompositeKey(index, did.value());
        return Pages.collect(
                ctx.getStub().getStateByPartialCompositeKeyWithPagination(partial, size, Pages.bookmark(bookmark)),
                kv -> consents.find(ConsentId.parse(kv.getStringValue())).map(consents::view).orElse(null));
    }
}
