package org.medmesh.chaincode.identity;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contact;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medmesh.chaincode.identity.PatientOperation.Op;
import org.medmesh.chaincode.state.LedgerState;

/**
 * The {@code did:medmesh} registry. Organisations are authorised by their Fabric MSP; patients by signatures
 * with the keys their DID record holds, so any organisation may relay a patient operation without being able
 * to forge one. See {@code docs/did-method.md}.
 */
@Contract(name = "identity", info = @Info(title = "MedMesh identity", version = "1",
        description = "did:medmesh DID registry", contact = @Contact(name = "MedMesh")))
public class IdentityContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerOrganization(Context ctx, String json) {
        return registry(ctx).registerOrganization(OrganizationPayload.parseRegistration(json));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String updateOrganization(Context ctx, String json) {
        return registry(ctx).updateOrganization(OrganizationPayload.parseUpdate(json));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String registerPatient(Context ctx, String jws) {
        return registry(ctx).registerPatient(PatientOperation.parse(jws, Op.CREATE));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String rotatePatientKeys(Context ctx, String jws) {
        return registry(ctx).rotatePatient(PatientOperation.parse(jws, Op.ROTATE));
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String deactivate(Context ctx, String jws) {
        return registry(ctx).deactivatePatient(PatientOperation.parse(jws, Op.DEACTIVATE));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String resolve(Context ctx, String did) {
        return new DidResolver(new LedgerState(ctx)).resolve(did);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String resolveVersion(Context ctx, String did, String version) {
        return new DidResolver(new LedgerState(ctx)).resolveVersion(did, version);
    }

    private static DidRegistry registry(Context ctx) {
        return new DidRegistry(new LedgerState(ctx));
    }
}
