package org.medmesh.ledger.embedded;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hyperledger.fabric.shim.Chaincode;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.shim.ResponseUtils;
import org.hyperledger.fabric.shim.ledger.KeyModification;
import org.hyperledger.fabric.shim.ledger.KeyValue;
import org.hyperledger.fabric.shim.ledger.QueryResultsIteratorWithMetadata;

/** A small chaincode that exercises each of Fabric's rules the embedded ledger must enforce. */
final class KeyValueChaincode implements Chaincode {
    @Override
    public Response init(ChaincodeStub stub) {
        return ResponseUtils.newSuccessResponse();
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        List<String> a = stub.getParameters();
        try {
            return switch (stub.getFunction()) {
                case "put" -> put(stub, a.get(0), a.get(1));
                case "get" -> ok(stub.getStringState(a.get(0)));
                case "del" -> {
                    stub.delState(a.get(0));
                    yield ok("");
                }
                case "increment" -> increment(stub, a.get(0));
                case "putThenGet" -> {
                    stub.putStringState(a.get(0), a.get(1));
                    yield ok(stub.getStringState(a.get(0)));
                }
                case "twoEvents" -> {
                    stub.setEvent("first", bytes("1"));
                    stub.setEvent("second", bytes("2"));
                    yield put(stub, a.get(0), "x");
                }
                case "countRange" -> countRange(stub, a.get(0), a.get(1), a.get(2));
                case "page" -> page(stub, a.get(0), a.get(1), Integer.parseInt(a.get(2)), a.get(3));
                case "history" -> history(stub, a.get(0));
                case "creatorMsp" -> ok(stub.getMspId());
                case "refuse" -> ResponseUtils.newErrorResponse("refused", bytes("REFUSED"));
                default -> ResponseUtils.newErrorResponse("unknown function");
            };
        } catch (RuntimeException e) {
            return ResponseUtils.newErrorResponse(e);
        }
    }

    private static Response put(ChaincodeStub stub, String key, String value) {
        stub.putStringState(key, value);
        if (stub.getEvent() == null) {
            stub.setEvent("put", bytes(key));
        }
        return ok(value);
    }

    private static Response increment(ChaincodeStub stub, String key) {
        String current = stub.getStringState(key);
        int next = current.isEmpty() ? 1 : Integer.parseInt(current) + 1;
        stub.putStringState(key, Integer.toString(next));
        return ok(Integer.toString(next));
    }

    private static Response countRange(ChaincodeStub stub, String start, String end, String target) {
        int count = 0;
        for (KeyValue ignored : stub.getStateByRange(start, end)) {
            count++;
        }
        stub.putStringState(target, Integer.toString(count));
        return ok(Integer.toString(count));
    }

    private static Response page(ChaincodeStub stub, String start, String end, int size, String bookmark) {
        StringBuilder out = new StringBuilder();
        try (QueryResultsIteratorWithMetadata<KeyValue> page =
                stub.getStateByRangeWithPagination(start, end, size, bookmark)) {
            page.forEach(kv -> out.append(kv.getKey()).append(','));
            out.append('|').append(page.getMetadata().getBookmark());
        }
        return ok(out.toString());
    }

    private static Response history(ChaincodeStub stub, String key) {
        StringBuilder out = new StringBuilder();
        for (KeyModification modification : stub.getHistoryForKey(key)) {
            out.append(modification.isDeleted() ? "<deleted>" : modification.getStringValue()).append(',');
        }
        return ok(out.toString());
    }

    private static Response ok(String payload) {
        return ResponseUtils.newSuccessResponse(bytes(payload));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
