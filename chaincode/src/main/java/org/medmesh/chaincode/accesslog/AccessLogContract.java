package org.medmesh.chaincode.accesslog;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.ContractInterface;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.medmesh.chaincode.state.LedgerState;

/**
 * The access log. Only the holder organisation writes its events (checked against its Fabric MSP), and it does
 * so before releasing anything; anyone on the channel may query by patient, requester or holder and time.
 */
@Contract(name = "accesslog", info = @Info(title = "MedMesh access log", version = "1"))
public class AccessLogContract implements ContractInterface {

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String record(Context ctx, String json) {
        return log(ctx).record(AccessEvent.parse(json));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String queryByPatient(Context ctx, String did, String fromIso, String toIso, String pageSize,
                                 String bookmark) {
        return log(ctx).query(AccessIndex.PATIENT, did, fromIso, toIso, pageSize, bookmark);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String queryByRequester(Context ctx, String did, String fromIso, String toIso, String pageSize,
                                   String bookmark) {
        return log(ctx).query(AccessIndex.REQUESTER, did, fromIso, toIso, pageSize, bookmark);
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String queryByHolder(Context ctx, String did, String fromIso, String toIso, String pageSize,
                                String bookmark) {
        return log(ctx).query(AccessIndex.HOLDER, did, fromIso, toIso, pageSize, bookmark);
    }

    @Transaction(intent = Transaction.TYPE.SUBMIT)
    public String anchorBatch(Context ctx, String json) {
        return log(ctx).anchor(AnchorBatch.parse(json));
    }

    @Transaction(intent = Transaction.TYPE.EVALUATE)
    public String readAnchor(Context ctx, String holder, String batchId) {
        return log(ctx).readAnchor(holder, batchId);
    }

    private static AccessLog log(Context ctx) {
        return new AccessLog(new LedgerState(ctx));
    }
}
