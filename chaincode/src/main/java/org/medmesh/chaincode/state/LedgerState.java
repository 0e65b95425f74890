package org.medmesh.chaincode.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.medmesh.chaincode.json.CanonicalJson;

/**
 * One transaction's access to the ledger. Every value is written as canonical JSON so that all endorsers
 * produce identical write sets; time is the transaction's timestamp, never the local clock.
 */
public final class LedgerState {

    private final Context ctx;

    public LedgerState(Context ctx) {
        this.ctx = ctx;
    }

    public ChaincodeStub stub() {
        return ctx.getStub();
    }

    public Optional<ObjectNode> read(String key) {
        byte[] value = ctx.getStub().getState(key);
        if (value == null || value.length == 0) {
            return Optional.empty();
        }
        return Optional.of(parseStored(value));
    }

    public boolean exists(String key) {
        byte[] value = ctx.getStub().getState(key);
        return value != null && value.length > 0;
    }

    public void write(String key, JsonNode value) {
        ctx.getStub().putState(key, CanonicalJson.bytes(value));
    }

    public void writeText(String key, String value) {
        ctx.getStub().putStringState(key, value);
    }

    /** The proposal's timestamp: chosen by the submitting client, the same for every endorser. */
    public Instant now() {
        return ctx.getStub().getTxTimestamp();
    }

    public String txId() {
        return ctx.getStub().getTxId();
    }

    public String callerMspId() {
        return ctx.getClientIdentity().getMSPID();
    }

    /** Fabric keeps only the last event a transaction sets, so each transaction calls this once. */
    public void emit(String name, JsonNode payload) {
        ctx.getStub().setEvent(name, CanonicalJson.bytes(payload));
    }

    /** Values this chaincode stored are canonical JSON objects. */
    public static ObjectNode parseStored(byte[] value) {
        return CanonicalJson.parseObject(new String(value, StandardCharsets.UTF_8));
    }
}
