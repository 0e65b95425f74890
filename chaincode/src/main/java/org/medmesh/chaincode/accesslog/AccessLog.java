package org.medmesh.chaincode.accesslog;

import static org.medmesh.chaincode.error.Refusals.refuse;
import static org.medmesh.chaincode.error.Refusals.require;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.medmesh.chaincode.consent.Consents;
import org.medmesh.chaincode.error.ErrorCode;
import org.medmesh.chaincode.identity.Did;
import org.medmesh.chaincode.identity.Identities;
import org.medmesh.chaincode.json.CanonicalJson;
import org.medmesh.chaincode.state.LedgerState;
import org.medmesh.chaincode.state.Pages;

/** Writes and queries access events and batch anchors. */
final class AccessLog {

    static final String RECORDED = "AccessRecorded";
    static final String ANCHORED = "BatchAnchored";

    private final LedgerState state;

    AccessLog(LedgerState state) {
        this.state = state;
    }

    String record(AccessEvent event) {
        new Identities(state).requireCallerOrganization(event.holder());
        String key = "access:" + event.eventId();
        requireAbsent(key, "eventId already recorded");
        if (event.consentId() != null && event.decision() == Decision.PERMIT) {
            new ConsentCheck(new Consents(state)).requireApplicable(event);
        }
        ObjectNode record = event.toJson();
        Instant now = state.now();
        // Fabric's transaction timestamp is set by the submitting client and only loosely checked: a claim.
        record.put("claimedTime", now.toString());
        record.put("txId", state.txId());
        state.write(key, record);
        state.writeText(AccessIndex.PATIENT.key(event.patient(), now, event.eventId()), event.eventId());
        state.writeText(AccessIndex.REQUESTER.key(event.requester(), now, event.eventId()), event.eventId());
        state.writeText(AccessIndex.HOLDER.key(event.holder(), now, event.eventId()), event.eventId());
        state.emit(RECORDED, summary(event));
        return CanonicalJson.write(record);
    }

    String query(AccessIndex index, String did, String fromIso, String toIso, String pageSize, String bookmark) {
        Did parsed = index == AccessIndex.PATIENT ? Did.parse(did) : Did.parseOrganization(did);
        Instant from = instant(fromIso, "from");
        Instant to = instant(toIso, "to");
        require(!from.isAfter(to), "from must not be after to");
        int size = Pages.pageSize(pageSize);
        return Pages.collect(
                state.stub().getStateByRangeWithPagination(index.startKey(parsed, from), index.endKey(parsed, to),
                        size, Pages.bookmark(bookmark)),
                kv -> state.read("access:" + kv.getStringValue()).orElse(null));
    }

    String anchor(AnchorBatch batch) {
        new Identities(state).requireCallerOrganization(batch.holder());
        String key = AnchorBatch.key(batch.holder(), batch.batchId());
        requireAbsent(key, "batch already anchored");
        ObjectNode record = batch.toJson();
        record.put("claimedTime", state.now().toString());
        record.put("txId", state.txId());
        state.write(key, record);
        ObjectNode event = CanonicalJson.object();
        event.put("holder", batch.holder().value());
        event.put("batchId", batch.batchId());
        event.put("merkleRoot", batch.merkleRoot());
        state.emit(ANCHORED, event);
        return CanonicalJson.write(record);
    }

    String readAnchor(String holder, String batchId) {
        require(batchId != null && batchId.matches(AccessEvent.EVENT_ID), "batchId must match " + AccessEvent.EVENT_ID);
        return state.read(AnchorBatch.key(Did.parseOrganization(holder), batchId))
                .map(CanonicalJson::write)
                .orElseThrow(() -> refuse(ErrorCode.NOT_FOUND, "batch not anchored"));
    }

    private void requireAbsent(String key, String message) {
        if (state.exists(key)) {
            throw refuse(ErrorCode.DUPLICATE, message);
        }
    }

    /** Identifiers and the decision only: enough to route notifications, nothing about the records. */
    private static ObjectNode summary(AccessEvent event) {
        ObjectNode summary = CanonicalJson.object();
        summary.put("eventId", event.eventId());
        summary.put("holder", event.holder().value());
        summary.put("requester", event.requester().value());
        summary.put("patient", event.patient().value());
        summary.put("decision", event.decision().code());
        return summary;
    }

    private static Instant instant(String iso, String field) {
        try {
            return Instant.parse(iso);
        } catch (RuntimeException e) {
            throw refuse(ErrorCode.MALFORMED_INPUT, field + " must be an ISO-8601 instant");
        }
    }
}
